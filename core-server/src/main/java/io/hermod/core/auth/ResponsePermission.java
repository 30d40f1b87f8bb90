package io.hermod.core.auth;

import java.time.Duration;

/**
 * {@code allow_responses}: a client may publish to the reply subject of a message it received, at most
 * {@code maxMessages} times and within {@code expires} of receiving it. nats-server replaces a 0 of either with its
 * default (1 message, 2 minutes), so both are always positive here. Immutable.
 */
public record ResponsePermission(int maxMessages, Duration expires) {
    public static final int DEFAULT_MAX_MESSAGES = 1;
    public static final Duration DEFAULT_EXPIRES = Duration.ofMinutes(2);

    public ResponsePermission {
        if (maxMessages <= 0) {
            maxMessages = DEFAULT_MAX_MESSAGES;
        }
        if (expires == null || expires.isZero() || expires.isNegative()) {
            expires = DEFAULT_EXPIRES;
        }
    }

    public static ResponsePermission defaults() {
        return new ResponsePermission(DEFAULT_MAX_MESSAGES, DEFAULT_EXPIRES);
    }
}
