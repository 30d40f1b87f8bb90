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
        String[] tokens = subject.split("\\.", -1);
        if (tokens.length != TOKENS || tokens[2].isEmpty() || tokens[3].isEmpty()) {
            return Optional.empty();
        }
        long[] numbers = new long[5];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = parseNumber(tokens[4 + i]);
            if (numbers[i] < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new AckReplySubject(tokens[2], tokens[3], numbers[0], numbers[1], numbers[2], numbers[3],
                numbers[4]));
    }

    /** A non-negative decimal of ASCII digits only (nats's {@code parseAckReplyNum}), or -1. */
    private static long parseNumber(String token) {
        if (token.isEmpty() || token.length() > 19) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
