package io.hermod.store.file;

import io.hermod.store.StreamStoreConfig;
import io.hermod.store.index.SequenceIndex;
import io.hermod.store.kv.KeyValueStorage;
import io.hermod.store.log.StreamLog;
import io.hermod.store.stream.StreamContents;
import io.hermod.store.stream.StreamEngine;
import java.nio.file.Path;

/**
 * A stream on file: a Chronicle Queue log in its own directory (the truth) and indexes in the store's RocksDB
 * (derived, rebuilt from the log tail on open). See {@link io.hermod.store.StreamStore} for the thread contract;
 * with the default sync policy an append's future completes only after its log record is fsynced, one fsync
 * covering every write that was waiting at that moment.
 */
public final class FileStreamStore extends StreamEngine {
    private final RecoveryReport recovery;

    private FileStreamStore(StreamStoreConfig config, ChronicleMessageStorage storage, StreamContents contents,
            FileStoreOptions options, RecoveryReport recovery) {
        super(config, storage, contents, options.clock());
        this.recovery = recovery;
        start();
    }

    /** Opens (creating if needed) the stream whose log lives in {@code logDirectory}; recovers it first. */
    public static FileStreamStore open(KeyValueStorage kv, Path logDirectory, StreamStoreConfig config,
            FileStoreOptions options) {
        StreamLog log = StreamLog.open(logDirectory, options.rollCycle(), options.clock()::millis);
        try {
            int cycleShift = Long.numberOfTrailingZeros(options.rollCycle().toIndex(1, 0));
            ChronicleMessageStorage storage = new ChronicleMessageStorage(log, new SequenceIndex(cycleShift),
                    new StreamIndexStore(kv, config.name()));
            StreamContents contents = new StreamContents(config, storage);
            RecoveryReport report = new StreamLoader(storage, contents, options.clock()).recover();
            return new FileStreamStore(config, storage, contents, options, report);
        } catch (RuntimeException | Error e) {
            log.close();
            throw e;
        }
    }

    /** What recovery found when this store was opened. */
    public RecoveryReport recovery() {
        return recovery;
    }
}
