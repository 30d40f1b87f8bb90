package io.hermod.store.file;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The store directory ({@code data/store} by default): {@code streams/<name>/} holds each file stream's
 * Chronicle log, {@code meta/} the one RocksDB with every column family. Opens streams of either storage type
 * and remembers their configurations.
 *
 * <p>Thread-safe; each stream may be open once at a time.
 */
public final class StoreDirectory implements AutoCloseable {
    private final Path root;
    private final FileStoreOptions options;
    private final KeyValueStorage kv;
    private final Map<String, StreamStore> open = new HashMap<>();
    private boolean closed;

    private StoreDirectory(Path root, FileStoreOptions options) {
        this.root = root;
        this.options = options;
        this.kv = RocksKeyValueStorage.open(root.resolve("meta"));
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
    public synchronized StreamStore openStream(StreamStoreConfig config) {
        if (closed) {
            throw new IllegalStateException("store directory closed: " + root);
        }
        if (open.containsKey(config.name())) {
            throw new IllegalStateException("stream already open: " + config.name());
        }
        kv.putDurably(ColumnFamily.STREAM_CONFIG, key(config.name()), toRecord(config).toByteArray());
        StreamStore store = config.storage() == StorageType.MEMORY
                ? MemoryStreamStore.open(config, options.clock())
                : FileStreamStore.open(kv, logDirectory(config.name()), config, options);
        open.put(config.name(), new ClosingStore(store, this));
        return open.get(config.name());
    }

    /** The configurations recorded by {@link #openStream}, in name order. */
    public List<StreamStoreConfig> storedConfigs() {
        List<StreamStoreConfig> out = new ArrayList<>();
        kv.scan(ColumnFamily.STREAM_CONFIG, new byte[0], null, (k, value) -> {
            try {
                out.add(fromRecord(StreamConfigRecord.parseFrom(value)));
            } catch (InvalidProtocolBufferException e) {
                throw new StoreCorruptedException("unreadable stream config " + new String(k, StandardCharsets.UTF_8), e);
            }
            return true;
        });
        return out;
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
