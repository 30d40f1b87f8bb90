package io.hermod.cli.store;

import io.hermod.store.file.LogEntry;

/** Prints the log entries of a dump one by one, so a dump of any size streams out. */
interface RecordPrinter {
    void print(LogEntry entry);

    /** After the last entry; {@code printed}: how many were printed. */
    void finish(long printed);
}
