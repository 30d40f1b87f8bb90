package io.hermod.store.engine;

import io.hermod.store.PurgeRequest;
import io.hermod.store.StoredMessage;
import io.hermod.store.StreamState;
import io.hermod.store.StreamStore;
import io.hermod.store.StreamStoreConfig;

import java.util.Map;
import java.util.Optional;

/**
 * Brings a stream within limits that an update lowered, as nats-server's store does when its configuration
 * changes: the oldest messages go, whatever the discard policy (that policy only decides about new messages).
 * Each removal is reported as the limits' ({@link StreamStore#purgeForLimits}), so consumers count a pending
 * message it drops as terminated, as nats-server's {@code decStreamPending} does. Blocks until the removals are
 * durable; call it off the API thread and the store's writer.
 */
final class LimitEnforcer {
    private LimitEnforcer() {
    }

    static void apply(StreamStore store) {
        StreamStoreConfig config = store.config();
        if (config.maxMsgsPerSubject() > 0) {
            for (Map.Entry<String, Long> subject : store.subjectCounts(null).entrySet()) {
                if (subject.getValue() > config.maxMsgsPerSubject()) {
                    store.purgeForLimits(new PurgeRequest(subject.getKey(), 0, config.maxMsgsPerSubject())).join();
                }
            }
        }
        if (config.maxMsgs() >= 0 && store.state().messages() > config.maxMsgs()) {
            store.purgeForLimits(PurgeRequest.keep(config.maxMsgs())).join();
        }
        if (config.maxBytes() >= 0 && store.state().bytes() > config.maxBytes()) {
            store.purgeForLimits(PurgeRequest.upTo(firstToKeep(store, config.maxBytes()))).join();
        }
        if (!config.maxAge().isZero()) {
            store.expireOld().join();
        }
    }

    /** The sequence from which the newest messages fit in {@code maxBytes}. */
    private static long firstToKeep(StreamStore store, long maxBytes) {
        StreamState state = store.state();
        long bytes = state.bytes();
        long seq = state.firstSeq();
        while (bytes > maxBytes) {
            Optional<StoredMessage> m = store.next(seq, null);
            if (m.isEmpty()) {
                return state.lastSeq() + 1;
            }
            bytes -= store.config().storage().messageSize(m.get());
            seq = m.get().seq() + 1;
        }
        return seq;
    }
}
