package io.hermod.store;

/** Where a stream keeps its messages. */
public enum StorageType {
    FILE,
    /** Same semantics as {@link #FILE}, nothing persisted. */
    MEMORY
}
