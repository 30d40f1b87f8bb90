package io.hermod.store.file;

/**
 * What opening a file stream found in its log past the state RocksDB had recorded.
 *
 * @param replayed documents applied to the indexes
 * @param voided documents dropped: a torn or unreadable record and whatever followed it up to the next marker
 */
public record RecoveryReport(long replayed, long voided) {
}
