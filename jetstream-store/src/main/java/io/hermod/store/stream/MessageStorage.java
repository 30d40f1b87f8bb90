package io.hermod.store.stream;

import io.hermod.store.proto.LogRecord;

/**
 * Where a {@link StreamEngine} puts its writes: a log with indexes (file) or a map (memory). Every method is
 * called by the engine's writer thread under the stream's write lock, except {@link MessageAccess#read}, which
 * readers call under the read lock.
 */
public interface MessageStorage extends MessageAccess {

    /** Appends one write (a message, tombstone or purge) in the order the engine decided it. */
    void append(LogRecord record);

    /** Forces everything appended so far to durable storage. */
    void sync();

    /** Called after each group of writes (and its sync, if any): persist derived state, apply retention. */
    void commit(StreamContents contents);

    void close();
}
