package io.hermod.store;

/** What a stream at a limit does with a new message. */
public enum DiscardPolicy {
    /** Store it and evict the oldest messages until the stream is within its limits again. */
    OLD,
    /** Refuse it. */
    NEW
}
