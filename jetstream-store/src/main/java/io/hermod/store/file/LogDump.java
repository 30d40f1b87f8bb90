package io.hermod.store.file;

import io.hermod.store.StoreCorruptedException;
import io.hermod.store.index.DedupeWindow;
import io.hermod.store.index.SequenceIndex;
import io.hermod.store.index.SubjectTable;
import io.hermod.store.index.Tombstones;
import io.hermod.store.kv.KeyValueStorage;
import io.hermod.store.log.LogRecordCodec;
import io.hermod.store.log.StreamLog;
import io.hermod.store.proto.LogRecord;
import io.hermod.store.proto.StreamStateRecord;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Reads a file stream's log in order for a dump, starting at a sequence (found through the stream's sequence index
 * when it has one) and marking whether each message is still held. Read-only; the server must not be running.
 */
public final class LogDump {
    private LogDump() {
    }

    /**
     * Visits the log's documents from the one holding {@code fromSeq} (or the first document) on, until the visitor
     * returns false or the log ends. Documents before {@code fromSeq} that are not messages are skipped too.
     */
    public static void read(KeyValueStorage kv, Path logDirectory, String stream, FileStoreOptions options,
            long fromSeq, Predicate<LogEntry> visitor) throws NoSuchFileException {
        if (!Files.isDirectory(logDirectory)) {
            throw new NoSuchFileException(logDirectory.toString(), null, "no log directory");
        }
        try (StreamLog log = StreamLog.open(logDirectory, options.rollCycle(), options.clock()::millis)) {
            int cycleShift = Long.numberOfTrailingZeros(log.rollCycle().toIndex(1, 0));
            long mask = (1L << cycleShift) - 1;
            StreamIndexStore indexes = new StreamIndexStore(kv, stream);
            SequenceIndex sequences = new SequenceIndex(cycleShift);
            Tombstones tombstones = new Tombstones();
            StreamStateRecord state = loadIndexes(indexes, sequences, tombstones);
            long start = fromSeq > 1 ? sequences.logIndexOf(fromSeq) : -1;
            if (start > 0 && !holdsSeq(log, start, fromSeq)) {
                // The index does not lead to the sequence (it may be the thing being investigated): read from the start.
                start = -1;
            }
            boolean[] reached = {fromSeq <= 1};
            log.scanAfter(start > 0 ? start - 1 : -1, document -> {
                LogRecord record = LogRecordCodec.decode(document.bytes());
                boolean message = record != null && record.hasMessage();
                if (!reached[0]) {
                    if (!message || record.getMessage().getSeq() < fromSeq) {
                        return true;
                    }
                    reached[0] = true;
                }
                boolean held = message && state != null && state.getMessages() > 0
                        && record.getMessage().getSeq() >= state.getFirstSeq()
                        && record.getMessage().getSeq() <= state.getLastSeq()
                        && !tombstones.contains(record.getMessage().getSeq());
                return visitor.test(new LogEntry(document.index(), log.cycleOf(document.index()),
                        document.index() & mask, record, held));
            });
        }
    }

    private static boolean holdsSeq(StreamLog log, long index, long seq) {
        byte[] bytes = log.read(index);
        LogRecord record = bytes == null ? null : LogRecordCodec.decode(bytes);
        return record != null && record.hasMessage() && record.getMessage().getSeq() == seq;
    }

    private static StreamStateRecord loadIndexes(StreamIndexStore indexes, SequenceIndex sequences,
            Tombstones tombstones) {
        try {
            StreamStateRecord state = indexes.loadState();
            if (state != null) {
                indexes.loadIndexes(sequences, tombstones, new SubjectTable(), new DedupeWindow(0));
            }
            return state;
        } catch (StoreCorruptedException e) {
            // A dump still shows the log; whether messages are held is then unknown (shown as not held).
            return null;
        }
    }
}
