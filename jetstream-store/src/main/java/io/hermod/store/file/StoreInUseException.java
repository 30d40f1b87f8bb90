package io.hermod.store.file;

import java.nio.file.Path;

/** An offline tool found the store's RocksDB locked: a server (or another tool) has the store open. */
public final class StoreInUseException extends RuntimeException {

    public StoreInUseException(Path root, Throwable cause) {
        super("the store in " + root + " is in use (its RocksDB lock meta/LOCK is held): stop the server first", cause);
    }
}
