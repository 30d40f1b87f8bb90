package io.hermod.store.file;

import io.hermod.store.StoredMessage;
import io.hermod.store.index.SequenceIndex;
import io.hermod.store.log.LogRecordCodec;
import io.hermod.store.log.StreamLog;
import io.hermod.store.proto.LogRecord;
import io.hermod.store.proto.MessageRecord;
import io.hermod.store.stream.MessageStorage;
import io.hermod.store.stream.StreamContents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File storage of a stream: every write is a record in its {@link StreamLog}; messages are found through the
 * {@link SequenceIndex}; derived state goes to RocksDB through {@link StreamIndexStore} after each group, and
 * the {@link RetentionCleaner} removes cycle files below the first sequence.
 */
final class ChronicleMessageStorage implements MessageStorage {
    private static final Logger LOG = LoggerFactory.getLogger(ChronicleMessageStorage.class);

    private final StreamLog log;
    private final SequenceIndex sequences;
    private final StreamIndexStore indexStore;
    private final RetentionCleaner cleaner;
    private long appliedLogIndex = -1;

    ChronicleMessageStorage(StreamLog log, SequenceIndex sequences, StreamIndexStore indexStore) {
        this.log = log;
        this.sequences = sequences;
        this.indexStore = indexStore;
        this.cleaner = new RetentionCleaner(log, sequences);
    }

    StreamLog log() {
        return log;
    }

    SequenceIndex sequences() {
        return sequences;
    }

    StreamIndexStore indexStore() {
        return indexStore;
    }

    long appliedLogIndex() {
        return appliedLogIndex;
    }

    /** Replay moved past a document without appending it. */
    void replayed(long logIndex) {
        appliedLogIndex = logIndex;
    }

    @Override
    public void append(LogRecord record) {
        long index = log.append(LogRecordCodec.encode(record));
        appliedLogIndex = index;
        if (record.hasMessage()) {
            sequences.stored(record.getMessage().getSeq(), index);
        }
    }

    @Override
    public StoredMessage read(long seq) {
        long index = sequences.logIndexOf(seq);
        if (index < 0) {
            return null;
        }
        byte[] bytes = log.read(index);
        LogRecord record = bytes == null ? null : LogRecordCodec.decode(bytes);
        if (record == null || !record.hasMessage() || record.getMessage().getSeq() != seq) {
            LOG.warn("{}: no intact record of seq {} at log index {}", log.directory(), seq, index);
            return null;
        }
        return toStored(record.getMessage());
    }

    static StoredMessage toStored(MessageRecord m) {
        return new StoredMessage(m.getSeq(), m.getSubject(), m.getHeaders().toByteArray(), m.getPayload().toByteArray(),
                m.getTimestampNanos());
    }

    @Override
    public void removed(long seq) {
        // The log is append-only: removed messages stay in their cycle file until retention deletes it.
    }

    @Override
    public void sync() {
        log.sync();
    }

    @Override
    public void commit(StreamContents contents) {
        cleaner.clean(contents, appliedLogIndex, sync -> indexStore.commit(contents, sequences, appliedLogIndex, sync));
    }

    @Override
    public void close() {
        log.close();
    }
}
