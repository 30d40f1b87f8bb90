package io.hermod.store.file;

import com.google.protobuf.InvalidProtocolBufferException;
import io.hermod.store.StorageType;
import io.hermod.store.StoreCorruptedException;
import io.hermod.store.StreamState;
import io.hermod.store.StreamStoreConfig;
import io.hermod.store.kv.ColumnFamily;
import io.hermod.store.kv.KeyValueStorage;
import io.hermod.store.kv.KeyValueStorageException;
import io.hermod.store.kv.RocksKeyValueStorage;
import io.hermod.store.proto.StreamConfigRecord;
import io.hermod.store.proto.StreamStateRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Offline access to a whole store directory for checking and repair, with the server stopped: the recorded
 * streams, each stream's check ({@link StreamStoreInspector}) and rebuild ({@link IndexRebuild}), and what belongs
 * to no recorded stream (log directories, index keys). Opening takes RocksDB's lock, so a store that a running
 * server holds is refused with {@link StoreInUseException}. Checking writes nothing; only {@link #rebuild} and
 * {@link #dropOrphanIndexes} do. One thread.
 */
public final class StoreInspector implements AutoCloseable {
    private static final ColumnFamily[] INDEX_FAMILIES = {ColumnFamily.STREAM_STATE, ColumnFamily.SEQ_INDEX,
        ColumnFamily.SUBJECT_INDEX, ColumnFamily.DEDUPE};

    private final Path root;
    private final FileStoreOptions options;
    private final KeyValueStorage kv;

    private StoreInspector(Path root, FileStoreOptions options, KeyValueStorage kv) {
        this.root = root;
        this.options = options;
        this.kv = kv;
    }

    /**
     * Opens the store in {@code root} for inspection.
     *
     * @throws NoSuchFileException when {@code root} holds no store (no {@code meta/} database)
     * @throws StoreInUseException when a running server (or another tool) holds the store
     */
    public static StoreInspector open(Path root, FileStoreOptions options) throws NoSuchFileException {
        Path meta = root.resolve("meta");
        if (!Files.isRegularFile(meta.resolve("CURRENT"))) {
            throw new NoSuchFileException(root.toString(), null, "no Hermod store here (no meta/ database)");
        }
        try {
            return new StoreInspector(root, options, RocksKeyValueStorage.open(meta));
        } catch (KeyValueStorageException e) {
            Throwable cause = e.getCause();
            String reason = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
            if (reason.contains("lock") || reason.contains("LOCK")) {
                throw new StoreInUseException(root, e);
            }
            throw e;
        }
    }

    public Path root() {
        return root;
    }

    /** The store's RocksDB, for the consumers' checks. */
    public KeyValueStorage keyValueStorage() {
        return kv;
    }

    public Path logDirectory(String stream) {
        return root.resolve("streams").resolve(stream);
    }

    /** The recorded streams in name order; an unreadable record is reported in {@code problems}. */
    public List<StreamStoreConfig> streams(List<StoreInconsistency> problems) {
        List<StreamStoreConfig> out = new ArrayList<>();
        kv.scan(ColumnFamily.STREAM_CONFIG, new byte[0], null, (key, value) -> {
            String name = new String(key, StandardCharsets.UTF_8);
            try {
                out.add(StoreDirectory.fromRecord(StreamConfigRecord.parseFrom(value)));
            } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
                problems.add(new StoreInconsistency(name, null, "stream configuration", "a readable record",
                        "unreadable: " + e.getMessage(), false));
            }
            return true;
        });
        return out;
    }

    /** Whether a deletion of the stream was interrupted (the server finishes it on start). */
    public boolean deletionPending(String stream) {
        return Files.exists(logDirectory(stream).resolve(StoreDirectory.DELETION_MARKER));
    }

    /** The totals the stream's indexes record, if any (quick: no log is read). */
    public Optional<StreamState> indexedState(String stream) {
        try {
            StreamStateRecord record = new StreamIndexStore(kv, stream).loadState();
            return Optional.ofNullable(record).map(StreamStoreInspector::state);
        } catch (StoreCorruptedException e) {
            return Optional.empty();
        }
    }

    /** Checks one stream; a memory stream has nothing on disk to check. */
    public StreamInspection inspect(StreamStoreConfig config, LongAdder progress) {
        if (config.storage() == StorageType.MEMORY) {
            return new StreamInspection(config.name(), StorageType.MEMORY, new StreamState(0, 0, 1, 0, 0, 0, 0, 0),
                    0, 0, 0, 0, List.of());
        }
        return new StreamStoreInspector(kv, logDirectory(config.name()), config, options, progress).inspect();
    }

    /** Rebuilds a file stream's indexes from its log (see {@link IndexRebuild}). */
    public RecoveryReport rebuild(StreamStoreConfig config) {
        return IndexRebuild.rebuild(kv, logDirectory(config.name()), config, options);
    }

    /**
     * Log directories and index keys of streams that are not recorded (and not being deleted); {@code known}: the
     * recorded names.
     */
    public List<StoreInconsistency> orphans(Set<String> known) {
        List<StoreInconsistency> out = new ArrayList<>();
        for (String name : orphanIndexNames(known)) {
            out.add(new StoreInconsistency(name, null, "index keys of a stream that has no configuration", "none",
                    "present", true));
        }
        Path streams = root.resolve("streams");
        if (Files.isDirectory(streams)) {
            try (Stream<Path> dirs = Files.list(streams)) {
                for (Path dir : dirs.sorted().toList()) {
                    String name = dir.getFileName().toString();
                    if (!known.contains(name) && !deletionPending(name)) {
                        out.add(new StoreInconsistency(name, null, "log directory of a stream that has no configuration",
                                "none", dir + " (not touched by --repair)", false));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + streams, e);
            }
        }
        return out;
    }

    /** Removes the index keys of streams that are not recorded; returns their names. */
    public Set<String> dropOrphanIndexes(Set<String> known) {
        Set<String> names = orphanIndexNames(known);
        names.forEach(name -> IndexRebuild.dropOrphan(kv, name));
        return names;
    }

    /** Stream names under which index keys exist without a configuration (deletions pending excluded). */
    private Set<String> orphanIndexNames(Set<String> known) {
        Set<String> names = new TreeSet<>();
        for (ColumnFamily cf : INDEX_FAMILIES) {
            names.addAll(streamNamesIn(cf));
        }
        names.removeAll(known);
        names.removeIf(this::deletionPending);
        return names;
    }

    /**
     * The stream names that key prefixes in {@code cf} carry (uint16 length + UTF-8 name): one seek per name, never
     * a walk over every key.
     */
    private Set<String> streamNamesIn(ColumnFamily cf) {
        Set<String> names = new TreeSet<>();
        byte[] from = new byte[0];
        // Each round finds one name and seeks past every key under it; a store has far fewer streams than this.
        for (int round = 0; round < 1_000_000; round++) {
            byte[][] found = {null};
            kv.scan(cf, new byte[0], from, (key, value) -> {
                found[0] = key;
                return false;
            });
            if (found[0] == null || found[0].length < 2) {
                return names;
            }
            int length = ByteBuffer.wrap(found[0], 0, 2).getShort() & 0xFFFF;
            if (found[0].length < 2 + length || length == 0) {
                return names;
            }
            names.add(new String(found[0], 2, length, StandardCharsets.UTF_8));
            byte[] next = java.util.Arrays.copyOf(found[0], 2 + length);
            // A name's UTF-8 never holds 0xFF, so bumping its last byte passes every key under the prefix.
            next[next.length - 1]++;
            from = next;
        }
        return names;
    }

    @Override
    public void close() {
        kv.close();
    }
}
