package io.hermod.store;

/** Stored data contradicts itself in a way recovery cannot repair (not a torn tail, which is repaired). */
public final class StoreCorruptedException extends RuntimeException {

    public StoreCorruptedException(String message) {
        super(message);
    }

    public StoreCorruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
