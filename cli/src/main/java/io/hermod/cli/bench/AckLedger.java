package io.hermod.cli.bench;

import java.util.BitSet;

/**
 * Checks every PubAck of a run: each publish must be acknowledged without error by the bench stream, under a
 * stream sequence of its own, and together the sequences must be dense, exactly {@code first .. first + expected - 1}.
 * Acks complete on jnats threads, so the methods are synchronized; the ack count is also readable without the lock
 * for the progress bar.
 */
final class AckLedger {
    private final String stream;
    private final long firstSeq;
    private final long expected;
    private final BitSet seen;
    private volatile long acked;
    private long distinct;
    private long duplicates;
    private long outOfRange;
    private long wrongStream;
    private long flaggedDuplicate;
    private long errors;
    private String firstError;

    /** {@code firstSeq} is the sequence the stream gives its next message (1 for a new stream). */
    AckLedger(String stream, long firstSeq, long expected) {
        if (expected < 0 || expected > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot track " + expected + " acks");
        }
        this.stream = stream;
        this.firstSeq = firstSeq;
        this.expected = expected;
        this.seen = new BitSet((int) expected);
    }

    /** A PubAck arrived: {@code ackStream} and {@code seq} as the server sent them. */
    synchronized void ack(String ackStream, long seq, boolean duplicateFlag) {
        acked++;
        if (!stream.equals(ackStream)) {
            wrongStream++;
        }
        if (duplicateFlag) {
            flaggedDuplicate++;
        }
        long index = seq - firstSeq;
        if (index < 0 || index >= expected) {
            outOfRange++;
            return;
        }
        if (seen.get((int) index)) {
            duplicates++;
        } else {
            seen.set((int) index);
            distinct++;
        }
    }

    /** A publish failed: an error PubAck, a timeout or a broken connection. */
    synchronized void error(String message) {
        errors++;
        if (firstError == null) {
            firstError = message;
        }
    }

    /** Acks received so far, errors not included. */
    long acked() {
        return acked;
    }

    synchronized long errors() {
        return errors;
    }

    /** Sequences in the expected range that no ack carried. */
    synchronized long gaps() {
        return expected - distinct;
    }

    synchronized long duplicates() {
        return duplicates;
    }

    synchronized long outOfRange() {
        return outOfRange;
    }

    /** Every publish acknowledged once, without error, by the right stream, and the sequences dense. */
    synchronized boolean clean() {
        return errors == 0 && distinct == expected && duplicates == 0 && outOfRange == 0 && wrongStream == 0
                && flaggedDuplicate == 0;
    }

    /** What is wrong, one phrase each; empty when {@link #clean()}. */
    synchronized java.util.List<String> problems() {
        java.util.List<String> problems = new java.util.ArrayList<>();
        if (errors > 0) {
            problems.add(errors + " publishes failed (first: " + firstError + ")");
        }
        if (distinct != expected) {
            problems.add((expected - distinct) + " of the sequences " + firstSeq + ".." + (firstSeq + expected - 1)
                    + " were never acknowledged");
        }
        if (duplicates > 0) {
            problems.add(duplicates + " sequences were acknowledged twice");
        }
        if (outOfRange > 0) {
            problems.add(outOfRange + " acks carried a sequence outside " + firstSeq + ".." + (firstSeq + expected - 1));
        }
        if (wrongStream > 0) {
            problems.add(wrongStream + " acks named another stream than " + stream);
        }
        if (flaggedDuplicate > 0) {
            problems.add(flaggedDuplicate + " acks were flagged duplicate");
        }
        return problems;
    }
}
