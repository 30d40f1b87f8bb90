package io.hermod.store.file;

import io.hermod.store.proto.LogRecord;

/**
 * One document of a stream's log as {@link LogDump} shows it.
 *
 * @param logIndex its Chronicle index
 * @param record the record, or {@code null} when the document is torn (CRC32C mismatch or cut short)
 * @param held for a message: whether the stream still holds it by its indexes (not deleted, purged or aged out)
 */
public record LogEntry(long logIndex, int cycle, long position, LogRecord record, boolean held) {

    public boolean torn() {
        return record == null;
    }
}
