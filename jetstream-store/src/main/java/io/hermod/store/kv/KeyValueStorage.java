package io.hermod.store.kv;

import java.util.function.BiPredicate;

/**
 * A small key-value seam over the store's RocksDB, in the manner of BookKeeper's {@code KeyValueStorage}: keys
 * and values are bytes, ordered by unsigned lexicographic comparison of keys, grouped by {@link ColumnFamily}.
 * Domain indexes are built on top of it.
 *
 * <p>Thread-safe: any thread may read and write; a {@link KeyValueBatch} belongs to one thread.
 */
public interface KeyValueStorage extends AutoCloseable {

    /** The value under the key, or {@code null}. */
    byte[] get(ColumnFamily cf, byte[] key);

    /** Writes one value durably (WAL fsynced): for state that is not derived from a log. */
    void putDurably(ColumnFamily cf, byte[] key, byte[] value);

    /** Deletes one key durably (WAL fsynced). */
    void deleteDurably(ColumnFamily cf, byte[] key);

    /** The greatest entry whose key is at or below {@code key} and starts with {@code prefix}, or {@code null}. */
    Entry floor(ColumnFamily cf, byte[] prefix, byte[] key);

    /**
     * Visits the entries whose keys start with {@code prefix}, from {@code fromKey} (or the prefix) upwards, in key
     * order, until the visitor returns {@code false}.
     */
    void scan(ColumnFamily cf, byte[] prefix, byte[] fromKey, BiPredicate<byte[], byte[]> visitor);

    KeyValueBatch newBatch();

    /**
     * Applies a batch atomically. {@code sync}: fsync RocksDB's WAL before returning; without it the batch
     * survives a process crash but not necessarily a machine crash.
     */
    void write(KeyValueBatch batch, boolean sync);

    @Override
    void close();

    record Entry(byte[] key, byte[] value) {
    }
}
