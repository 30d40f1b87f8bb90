package io.hermod.store.engine;

import io.hermod.store.StreamStoreConfig;
import io.hermod.store.api.GoTime;
import io.hermod.store.api.StreamConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one place where the {@code $JS.API} models ({@code io.hermod.store.api}) and the storage engine's types
 * ({@code io.hermod.store}) are mapped onto each other: configuration, state and stored messages. Stateless.
 */
final class StoreModels {
    private StoreModels() {
    }

    /**
     * What the store enforces of a NATS configuration. {@code max_msg_size} is left to the publish path, which
     * checks headers plus payload as nats-server does (the store would count the subject too).
     */
    static StreamStoreConfig storeConfig(StreamConfig c, Duration syncInterval) {
        return new StreamStoreConfig(c.name(), storage(c.storage()), c.maxMsgs(), c.maxBytes(),
                Duration.ofNanos(c.maxAgeNanos()), -1, c.maxMsgsPerSubject(), discard(c.discard()), syncInterval,
                Duration.ofNanos(c.duplicateWindowNanos()));
    }

    static io.hermod.store.StorageType storage(io.hermod.store.api.StorageType type) {
        return type == io.hermod.store.api.StorageType.MEMORY
                ? io.hermod.store.StorageType.MEMORY : io.hermod.store.StorageType.FILE;
    }

    static io.hermod.store.DiscardPolicy discard(io.hermod.store.api.DiscardPolicy policy) {
        return policy == io.hermod.store.api.DiscardPolicy.NEW
                ? io.hermod.store.DiscardPolicy.NEW : io.hermod.store.DiscardPolicy.OLD;
    }

    /**
     * A stream's state as its info reports it: a stream that never stored anything has first and last sequence 0,
     * timestamps of an empty stream are Go's zero time.
     */
    static io.hermod.store.api.StreamState state(io.hermod.store.StreamState s, Map<String, Long> subjects,
                                                  List<Long> deleted, int consumerCount) {
        long firstSeq = s.lastSeq() == 0 && s.messages() == 0 ? 0 : s.firstSeq();
        return new io.hermod.store.api.StreamState(s.messages(), s.bytes(), firstSeq, time(s.firstTimestampNanos()),
                s.lastSeq(), time(s.lastTimestampNanos()), s.numSubjects(), subjects, s.numDeleted(), deleted, null,
                consumerCount);
    }

    static io.hermod.store.api.StoredMessage message(io.hermod.store.StoredMessage m) {
        return new io.hermod.store.api.StoredMessage(m.subject(), m.seq(), m.headers(), m.payload(), m.timestamp());
    }

    static Instant time(long epochNanos) {
        return epochNanos == 0 ? GoTime.ZERO : Instant.ofEpochSecond(0, epochNanos);
    }
}
