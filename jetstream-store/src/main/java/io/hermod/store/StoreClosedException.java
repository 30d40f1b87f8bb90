package io.hermod.store;

/** The store was closed before the operation could be carried out. */
public final class StoreClosedException extends IllegalStateException {

    public StoreClosedException(String stream) {
        super("stream store closed: " + stream);
    }
}
