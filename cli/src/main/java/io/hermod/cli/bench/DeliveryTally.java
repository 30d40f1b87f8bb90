package io.hermod.cli.bench;

import java.util.BitSet;

/**
 * Checks what a consumer run received: each stream sequence of {@code first .. first + expected - 1} once, none
 * redelivered, none outside that range. One consumer thread records; the count is readable from any thread for the
 * progress bar.
 */
final class DeliveryTally {
    private final long firstSeq;
    private final long expected;
    private final BitSet seen;
    private volatile long received;
    private long distinct;
    private long duplicates;
    private long redelivered;
    private long outOfRange;

    DeliveryTally(long firstSeq, long expected) {
        if (expected < 0 || expected > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot track " + expected + " messages");
        }
        this.firstSeq = firstSeq;
        this.expected = expected;
        this.seen = new BitSet((int) expected);
    }

    /** A message arrived with these metadata (from its ack subject). */
    void record(long streamSeq, long deliveryCount) {
        received++;
        if (deliveryCount > 1) {
            redelivered++;
        }
        long index = streamSeq - firstSeq;
        if (index < 0 || index >= expected) {
            outOfRange++;
        } else if (seen.get((int) index)) {
            duplicates++;
        } else {
            seen.set((int) index);
            distinct++;
        }
    }

    long received() {
        return received;
    }

    /** Whether every expected sequence has arrived. */
    boolean complete() {
        return distinct == expected;
    }

    long missing() {
        return expected - distinct;
    }

    long duplicates() {
        return duplicates;
    }

    long redelivered() {
        return redelivered;
    }

    long outOfRange() {
        return outOfRange;
    }

    /** The last stream sequence the run expects. */
    long lastSeq() {
        return firstSeq + expected - 1;
    }
}
