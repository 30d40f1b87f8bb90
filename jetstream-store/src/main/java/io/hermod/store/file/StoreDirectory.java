package io.hermod.store.file;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.hermod.store.DiscardPolicy;
import io.hermod.store.StorageType;
import io.hermod.store.StoreCorruptedException;
import io.hermod.store.StreamStore;
import io.hermod.store.StreamStoreConfig;
import io.hermod.store.kv.ColumnFamily;
import io.hermod.store.kv.KeyValueStorage;
import io.hermod.store.kv.RocksKeyValueStorage;
import io.hermod.store.memory.MemoryStreamStore;
import io.hermod.store.proto.StreamConfigRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The store directory ({@code data/store} by default): {@code streams/<name>/} holds each file stream's
 * Chronicle log, {@code meta/} the one RocksDB with every column family. Opens streams of either storage type
 * and remembers their configurations.
 *
 * <p>Thread-safe; each stream may be open once at a time.
 */
public final class StoreDirectory implements AutoCloseable {
    static final String DELETION_MARKER = "hermod-deleting";
    private final Path root;
    private final FileStoreOptions options;
    private final KeyValueStorage kv;
    private final Map<String, StreamStore> open = new HashMap<>();
    private boolean closed;

    private StoreDirectory(Path root, FileStoreOptions options) {
        this.root = root;
        this.options = options;
        this.kv = RocksKeyValueStorage.open(root.resolve("meta"));
        finishInterruptedDeletions();
    }

    public static StoreDirectory open(Path root) {
        return open(root, FileStoreOptions.defaults());
    }

    public static StoreDirectory open(Path root, FileStoreOptions options) {
        return new StoreDirectory(root, options);
    }

    public Path root() {
        return root;
    }

    /** The directory of a file stream's log. */
    public Path logDirectory(String stream) {
        return root.resolve("streams").resolve(stream);
    }

    /**
     * Opens a stream (recovering a file stream from its log), after recording its configuration durably. A memory
     * stream starts empty.
     */
    public StreamStore openStream(StreamStoreConfig config) {
        return openStream(config, new byte[0], 0);
    }

    /**
     * As {@link #openStream(StreamStoreConfig)}, recording beside the store's configuration the stream's full NATS
     * configuration ({@code natsConfig}, opaque bytes to this class) and its creation time, as
     * {@link #storedStreams()} returns them.
     */
    public synchronized StreamStore openStream(StreamStoreConfig config, byte[] natsConfig, long createdNanos) {
        if (closed) {
            throw new IllegalStateException("store directory closed: " + root);
        }
        if (open.containsKey(config.name())) {
            throw new IllegalStateException("stream already open: " + config.name());
        }
        kv.putDurably(ColumnFamily.STREAM_CONFIG, key(config.name()), toRecord(config).toBuilder()
                .setNatsConfig(ByteString.copyFrom(natsConfig)).setCreatedNanos(createdNanos).build().toByteArray());
        StreamStore store = config.storage() == StorageType.MEMORY
                ? MemoryStreamStore.open(config, options.clock())
                : FileStreamStore.open(kv, logDirectory(config.name()), config, options);
        open.put(config.name(), new ClosingStore(store, this));
        return open.get(config.name());
    }

    /** The configurations recorded by {@link #openStream}, in name order. */
    public List<StreamStoreConfig> storedConfigs() {
        return storedStreams().stream().map(StoredStream::config).toList();
    }

    /**
     * Every stream recorded by {@link #openStream} and not deleted, in name order, with what was recorded beside its
     * configuration.
     */
    public List<StoredStream> storedStreams() {
        List<StoredStream> out = new ArrayList<>();
        kv.scan(ColumnFamily.STREAM_CONFIG, new byte[0], null, (k, value) -> {
            try {
                StreamConfigRecord record = StreamConfigRecord.parseFrom(value);
                out.add(new StoredStream(fromRecord(record), record.getNatsConfig().toByteArray(),
                        record.getCreatedNanos()));
            } catch (InvalidProtocolBufferException e) {
                throw new StoreCorruptedException("unreadable stream config " + new String(k, StandardCharsets.UTF_8), e);
            }
            return true;
        });
        return out;
    }

    /**
     * Removes a stream for good: its recorded configuration, its index keys and its log directory. The stream must
     * not be open. A marker file written (and fsynced) into the log directory first makes the deletion complete
     * even if the process dies half-way: {@link #open} finishes every deletion it finds marked, so neither a
     * configuration without its log nor a log that a new stream of the same name would replay is left behind.
     *
     * @return false when no such stream was recorded
     */
    public synchronized boolean deleteStream(String name) {
        if (closed) {
            throw new IllegalStateException("store directory closed: " + root);
        }
        if (open.containsKey(name)) {
            throw new IllegalStateException("stream is open: " + name);
        }
        boolean existed = kv.get(ColumnFamily.STREAM_CONFIG, key(name)) != null;
        Path dir = logDirectory(name);
        if (Files.isDirectory(dir)) {
            try (FileChannel marker = FileChannel.open(dir.resolve(DELETION_MARKER), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                marker.force(true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot mark " + dir + " for deletion", e);
            }
        }
        finishDeletion(name);
        return existed;
    }

    /** Completes the deletions that a crash interrupted (log directories still holding the marker). */
    private void finishInterruptedDeletions() {
        Path streams = root.resolve("streams");
        if (!Files.isDirectory(streams)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(streams)) {
            for (Path dir : dirs.filter(d -> Files.exists(d.resolve(DELETION_MARKER))).toList()) {
                finishDeletion(dir.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + streams, e);
        }
    }

    private void finishDeletion(String name) {
        kv.deleteDurably(ColumnFamily.STREAM_CONFIG, key(name));
        new StreamIndexStore(kv, name).deleteAll(true);
        Path dir = logDirectory(name);
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + dir, e);
            }
        }
    }

    /** A stream as recorded: the store's configuration, the opaque NATS configuration and the creation time. */
    public record StoredStream(StreamStoreConfig config, byte[] natsConfig, long createdNanos) {
    }

    /** The shared key-value storage, for the other column families' owners (consumers). */
    public KeyValueStorage keyValueStorage() {
        return kv;
    }

    synchronized void closed(String stream) {
        open.remove(stream);
    }

    @Override
    public void close() {
        List<StreamStore> streams;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            streams = new ArrayList<>(open.values());
        }
        for (StreamStore stream : streams) {
            stream.close();
        }
        kv.close();
    }

    private static byte[] key(String stream) {
        return stream.getBytes(StandardCharsets.UTF_8);
    }

    static StreamConfigRecord toRecord(StreamStoreConfig c) {
        return StreamConfigRecord.newBuilder().setName(c.name()).setMemoryStorage(c.storage() == StorageType.MEMORY)
                .setMaxMsgs(c.maxMsgs()).setMaxBytes(c.maxBytes()).setMaxAgeNanos(c.maxAge().toNanos())
                .setMaxMsgSize(c.maxMsgSize()).setMaxMsgsPerSubject(c.maxMsgsPerSubject())
                .setDiscardNew(c.discard() == DiscardPolicy.NEW).setSyncIntervalNanos(c.syncInterval().toNanos())
                .setDuplicateWindowNanos(c.duplicateWindow().toNanos())
                .build();
    }

    static StreamStoreConfig fromRecord(StreamConfigRecord r) {
        return new StreamStoreConfig(r.getName(), r.getMemoryStorage() ? StorageType.MEMORY : StorageType.FILE,
                r.getMaxMsgs(), r.getMaxBytes(), Duration.ofNanos(r.getMaxAgeNanos()), r.getMaxMsgSize(),
                r.getMaxMsgsPerSubject(), r.getDiscardNew() ? DiscardPolicy.NEW : DiscardPolicy.OLD,
                Duration.ofNanos(r.getSyncIntervalNanos()), Duration.ofNanos(r.getDuplicateWindowNanos()));
    }
}
