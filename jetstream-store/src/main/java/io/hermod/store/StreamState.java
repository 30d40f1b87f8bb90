package io.hermod.store;

/**
 * Totals of a stream. With no messages, {@code firstSeq} is {@code lastSeq + 1} and the timestamps are 0.
 *
 * @param numDeleted tombstones between the first and the last sequence (messages removed out of order)
 */
public record StreamState(long messages, long bytes, long firstSeq, long lastSeq, long firstTimestampNanos,
        long lastTimestampNanos, long numDeleted, long numSubjects) {
}
