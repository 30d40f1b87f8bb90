package io.hermod.cli.bench;

import java.util.List;

/** Messages and payload bytes one client (or a group of clients) moved between two instants. */
record Sample(long messages, long bytes, long startNanos, long endNanos) {

    double seconds() {
        return Math.max(endNanos - startNanos, 1) / 1e9;
    }

    double messagesPerSecond() {
        return messages == 0 ? 0 : messages / seconds();
    }

    /** Payload MB/s counted as nats bench does: MB = 1024 × 1024 bytes. */
    double megabytesPerSecond() {
        return messages == 0 ? 0 : bytes / seconds() / (1024.0 * 1024.0);
    }

    /** The group's sample: all messages over the span from the earliest start to the latest end. */
    static Sample combine(List<Sample> samples) {
        long messages = 0;
        long bytes = 0;
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (Sample s : samples) {
            if (s.messages == 0) {
                continue;
            }
            messages += s.messages;
            bytes += s.bytes;
            start = Math.min(start, s.startNanos);
            end = Math.max(end, s.endNanos);
        }
        return messages == 0 ? new Sample(0, 0, 0, 0) : new Sample(messages, bytes, start, end);
    }
}
