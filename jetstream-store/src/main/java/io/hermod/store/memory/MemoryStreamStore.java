package io.hermod.store.memory;

import io.hermod.store.StoredMessage;
import io.hermod.store.StreamStoreConfig;
import io.hermod.store.proto.LogRecord;
import io.hermod.store.proto.MessageRecord;
import io.hermod.store.stream.MessageStorage;
import io.hermod.store.stream.StreamContents;
import io.hermod.store.stream.StreamEngine;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A stream in memory ({@code storage: memory}): the same semantics as a file stream, limits included, with
 * nothing persisted. See {@link io.hermod.store.StreamStore} for the thread contract.
 */
public final class MemoryStreamStore extends StreamEngine {

    private MemoryStreamStore(StreamStoreConfig config, MapStorage storage, Clock clock) {
        super(config, storage, new StreamContents(config, storage), clock);
        start();
    }

    public static MemoryStreamStore open(StreamStoreConfig config, Clock clock) {
        return new MemoryStreamStore(config, new MapStorage(), clock);
    }

    /** Messages by sequence; tombstones, purges and markers need no record. */
    private static final class MapStorage implements MessageStorage {
        private final Map<Long, StoredMessage> messages = new HashMap<>();

        @Override
        public void append(LogRecord record) {
            if (record.hasMessage()) {
                MessageRecord m = record.getMessage();
                messages.put(m.getSeq(), new StoredMessage(m.getSeq(), m.getSubject(), m.getHeaders().toByteArray(),
                        m.getPayload().toByteArray(), m.getTimestampNanos()));
            }
        }

        @Override
        public StoredMessage read(long seq) {
            return messages.get(seq);
        }

        @Override
        public void removed(long seq) {
            messages.remove(seq);
        }

        @Override
        public void sync() {
            // Nothing to make durable.
        }

        @Override
        public void commit(StreamContents contents) {
            // Removals already freed their messages.
        }

        @Override
        public void close() {
            messages.clear();
        }
    }
}
