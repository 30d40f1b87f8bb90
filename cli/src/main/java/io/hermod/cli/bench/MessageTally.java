package io.hermod.cli.bench;

/**
 * Messages one client sent or received and when the first and last of them passed. Written by one thread,
 * read by the progress and waiting threads (hence volatile).
 */
final class MessageTally {
    private volatile long messages;
    private volatile long firstNanos;
    private volatile long lastNanos;

    /** Adds {@code count} messages seen at {@code nowNanos}; only the owning thread calls this. */
    void add(long count, long nowNanos) {
        if (count <= 0) {
            return;
        }
        if (messages == 0) {
            firstNanos = nowNanos;
        }
        messages += count;
        lastNanos = nowNanos;
    }

    /** Marks the start explicitly, for publishers whose clock starts before their first message is out. */
    void start(long nowNanos) {
        firstNanos = nowNanos;
        lastNanos = nowNanos;
    }

    /** Marks the end explicitly, e.g. after a publisher's final flush. */
    void finish(long nowNanos) {
        lastNanos = nowNanos;
    }

    long messages() {
        return messages;
    }

    Sample toSample(int messageSize) {
        return new Sample(messages, messages * messageSize, firstNanos, lastNanos);
    }

    static long total(Iterable<MessageTally> tallies) {
        long sum = 0;
        for (MessageTally tally : tallies) {
            sum += tally.messages;
        }
        return sum;
    }
}
