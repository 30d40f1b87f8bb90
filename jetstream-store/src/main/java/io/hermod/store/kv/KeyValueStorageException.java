package io.hermod.store.kv;

/** RocksDB refused an operation. */
public final class KeyValueStorageException extends RuntimeException {

    public KeyValueStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
