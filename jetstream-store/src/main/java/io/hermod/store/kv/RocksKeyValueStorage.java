package io.hermod.store.kv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link KeyValueStorage} on one RocksDB with a column family per {@link ColumnFamily}. */
public final class RocksKeyValueStorage implements KeyValueStorage {
    private static final Logger LOG = LoggerFactory.getLogger(RocksKeyValueStorage.class);

    static {
        RocksNativeLibrary.load();
    }

    private final Path directory;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final RocksDB db;
    private final List<ColumnFamilyHandle> handles;
    private final Map<ColumnFamily, ColumnFamilyHandle> byFamily = new EnumMap<>(ColumnFamily.class);
    private final WriteOptions syncWrites = new WriteOptions().setSync(true);
    private final WriteOptions asyncWrites = new WriteOptions().setSync(false);
    private volatile boolean closed;

    private RocksKeyValueStorage(Path directory) throws RocksDBException {
        this.directory = directory;
        dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                .setKeepLogFileNum(4).setMaxTotalWalSize(64L << 20);
        cfOptions = new ColumnFamilyOptions();
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions));
        for (ColumnFamily cf : ColumnFamily.values()) {
            descriptors.add(new ColumnFamilyDescriptor(cf.nameBytes(), cfOptions));
        }
        handles = new ArrayList<>();
        db = RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
        for (ColumnFamily cf : ColumnFamily.values()) {
            byFamily.put(cf, handles.get(cf.ordinal() + 1));
        }
    }

    /** Opens (creating if needed) the database in {@code directory} with every column family. */
    public static RocksKeyValueStorage open(Path directory) {
        try {
            Files.createDirectories(directory);
            return new RocksKeyValueStorage(directory);
        } catch (RocksDBException | java.io.IOException e) {
            throw new KeyValueStorageException("cannot open RocksDB in " + directory, e);
        }
    }

    @Override
    public byte[] get(ColumnFamily cf, byte[] key) {
        try {
            return db.get(handle(cf), key);
        } catch (RocksDBException e) {
            throw new KeyValueStorageException("get failed in " + cf.rocksName(), e);
        }
    }

    @Override
    public void putDurably(ColumnFamily cf, byte[] key, byte[] value) {
        try {
            db.put(handle(cf), syncWrites, key, value);
        } catch (RocksDBException e) {
            throw new KeyValueStorageException("put failed in " + cf.rocksName(), e);
        }
    }

    @Override
    public void deleteDurably(ColumnFamily cf, byte[] key) {
        try {
            db.delete(handle(cf), syncWrites, key);
        } catch (RocksDBException e) {
            throw new KeyValueStorageException("delete failed in " + cf.rocksName(), e);
        }
    }

    @Override
    public Entry floor(ColumnFamily cf, byte[] prefix, byte[] key) {
        try (ReadOptions options = new ReadOptions(); RocksIterator it = db.newIterator(handle(cf), options)) {
            it.seekForPrev(key);
            if (it.isValid() && startsWith(it.key(), prefix)) {
                return new Entry(it.key(), it.value());
            }
            return null;
        }
    }

    @Override
    public void scan(ColumnFamily cf, byte[] prefix, byte[] fromKey, BiPredicate<byte[], byte[]> visitor) {
        try (ReadOptions options = new ReadOptions(); RocksIterator it = db.newIterator(handle(cf), options)) {
            it.seek(fromKey == null ? prefix : fromKey);
            while (it.isValid()) {
                byte[] key = it.key();
                if (!startsWith(key, prefix) || !visitor.test(key, it.value())) {
                    return;
                }
                it.next();
            }
        }
    }

    @Override
    public KeyValueBatch newBatch() {
        return new RocksBatch();
    }

    @Override
    public void write(KeyValueBatch batch, boolean sync) {
        try {
            db.write(sync ? syncWrites : asyncWrites, ((RocksBatch) batch).batch);
        } catch (RocksDBException e) {
            throw new KeyValueStorageException("batch write failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            db.flushWal(true);
        } catch (RocksDBException e) {
            LOG.warn("flushing RocksDB WAL in {} failed", directory, e);
        }
        handles.forEach(ColumnFamilyHandle::close);
        db.close();
        syncWrites.close();
        asyncWrites.close();
        dbOptions.close();
        cfOptions.close();
    }

    private ColumnFamilyHandle handle(ColumnFamily cf) {
        if (closed) {
            throw new KeyValueStorageException("RocksDB in " + directory + " is closed", null);
        }
        return byFamily.get(cf);
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    private final class RocksBatch implements KeyValueBatch {
        private final WriteBatch batch = new WriteBatch();

        @Override
        public void put(ColumnFamily cf, byte[] key, byte[] value) {
            try {
                batch.put(handle(cf), key, value);
            } catch (RocksDBException e) {
                throw new KeyValueStorageException("batch put failed", e);
            }
        }

        @Override
        public void delete(ColumnFamily cf, byte[] key) {
            try {
                batch.delete(handle(cf), key);
            } catch (RocksDBException e) {
                throw new KeyValueStorageException("batch delete failed", e);
            }
        }

        @Override
        public void deleteRange(ColumnFamily cf, byte[] fromKey, byte[] toKey) {
            try {
                batch.deleteRange(handle(cf), fromKey, toKey);
            } catch (RocksDBException e) {
                throw new KeyValueStorageException("batch delete range failed", e);
            }
        }

        @Override
        public int count() {
            return batch.count();
        }

        @Override
        public void close() {
            batch.close();
        }
    }
}
