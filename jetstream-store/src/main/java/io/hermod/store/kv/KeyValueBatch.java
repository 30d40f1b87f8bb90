package io.hermod.store.kv;

/** Writes collected to be applied atomically by {@link KeyValueStorage#write}. Single-threaded. */
public interface KeyValueBatch extends AutoCloseable {

    void put(ColumnFamily cf, byte[] key, byte[] value);

    void delete(ColumnFamily cf, byte[] key);

    /** Deletes every key in {@code [fromKey, toKey)}. */
    void deleteRange(ColumnFamily cf, byte[] fromKey, byte[] toKey);

    int count();

    @Override
    void close();
}
