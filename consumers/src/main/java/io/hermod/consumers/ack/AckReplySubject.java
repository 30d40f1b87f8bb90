package io.hermod.consumers.ack;

import java.util.Optional;

/**
 * The reply subject a JetStream delivery carries and its acknowledgement is published to (ADR-15, nats-server
 * 2.9.10): {@code $JS.ACK.<stream>.<consumer>.<deliveryCount>.<streamSeq>.<consumerSeq>.<timestampNanos>.<pending>},
 * where {@code pending} is the consumer's num_pending after this delivery.
 */
public record AckReplySubject(String stream, String consumer, long deliveryCount, long streamSeq, long consumerSeq,
                              long timestampNanos, long pending) {
    private static final String PREFIX = "$JS.ACK.";
    private static final int TOKENS = 9;

    public String format() {
        return PREFIX + stream + '.' + consumer + '.' + deliveryCount + '.' + streamSeq + '.' + consumerSeq + '.'
                + timestampNanos + '.' + pending;
    }

    /** The subject's parts, or empty when it is not an ack subject of this form (as nats ignores such acks). */
    public static Optional<AckReplySubject> parse(String subject) {
        if (!subject.startsWith(PREFIX)) {
            return Optional.empty();
        }
        // Every delivered message's ack comes through here: cut at the dots by hand rather than by regex.
        int streamEnd = subject.indexOf('.', PREFIX.length());
        int consumerEnd = streamEnd < 0 ? -1 : subject.indexOf('.', streamEnd + 1);
        if (consumerEnd < 0 || streamEnd == PREFIX.length() || consumerEnd == streamEnd + 1) {
            return Optional.empty();
        }
        long[] numbers = new long[TOKENS - 4];
        int start = consumerEnd + 1;
        for (int i = 0; i < numbers.length; i++) {
            int end = subject.indexOf('.', start);
            boolean last = i == numbers.length - 1;
            if (last != (end < 0)) {
                return Optional.empty();
            }
            numbers[i] = parseNumber(subject, start, last ? subject.length() : end);
            if (numbers[i] < 0) {
                return Optional.empty();
            }
            start = end + 1;
        }
        return Optional.of(new AckReplySubject(subject.substring(PREFIX.length(), streamEnd),
                subject.substring(streamEnd + 1, consumerEnd), numbers[0], numbers[1], numbers[2], numbers[3],
                numbers[4]));
    }

    /** A non-negative decimal of ASCII digits only (nats's {@code parseAckReplyNum}), or -1. */
    private static long parseNumber(String subject, int from, int to) {
        if (from >= to || to - from > 19) {
            return -1;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = subject.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
