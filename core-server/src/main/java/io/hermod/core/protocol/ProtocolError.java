package io.hermod.core.protocol;

/**
 * The catalogue of {@code -ERR} lines the server sends, with nats-server 2.9.10's exact wording, and whether
 * nats-server closes the connection after sending it. Every protocol error is built from here so the wording
 * lives in one place.
 */
public record ProtocolError(String text, boolean closesConnection) {
    /** Malformed arguments of a known operation: nats-server closes the connection without a word. */
    public static final ProtocolError PROTOCOL_VIOLATION = new ProtocolError(null, true);
    public static final ProtocolError UNKNOWN_OPERATION = new ProtocolError("Unknown Protocol Operation", true);
    public static final ProtocolError MAX_PAYLOAD = new ProtocolError("Maximum Payload Violation", true);
    public static final ProtocolError MAX_CONTROL_LINE = new ProtocolError("maximum control line exceeded", true);
    public static final ProtocolError INVALID_SUBJECT = new ProtocolError("Invalid Subject", false);
    public static final ProtocolError INVALID_PUBLISH_SUBJECT = new ProtocolError("Invalid Publish Subject", false);
    public static final ProtocolError STALE_CONNECTION = new ProtocolError("Stale Connection", true);
    public static final ProtocolError SLOW_CONSUMER = new ProtocolError("Slow Consumer", true);
    public static final ProtocolError MAX_CONNECTIONS = new ProtocolError("maximum connections exceeded", true);
    public static final ProtocolError MAX_SUBSCRIPTIONS = new ProtocolError("maximum subscriptions exceeded", false);
    public static final ProtocolError AUTH_TIMEOUT = new ProtocolError("Authentication Timeout", true);
    public static final ProtocolError AUTH_VIOLATION = new ProtocolError("Authorization Violation", true);
    public static final ProtocolError INVALID_CLIENT_PROTOCOL = new ProtocolError("invalid client protocol", true);
    public static final ProtocolError NO_RESPONDERS_REQUIRES_HEADERS =
            new ProtocolError("no responders requires headers support", true);

    /** A publish the client's permissions do not allow: the message is dropped, the connection stays. */
    public static ProtocolError publishViolation(String subject) {
        return new ProtocolError("Permissions Violation for Publish to " + quoted(subject), false);
    }

    /** A subscription the client's permissions do not allow; nats-server names the queue group when there is one. */
    public static ProtocolError subscriptionViolation(String subject, String queue) {
        String text = "Permissions Violation for Subscription to " + quoted(subject);
        return new ProtocolError(queue == null ? text : text + " using queue " + quoted(queue), false);
    }

    /** A subscription a configuration reload no longer permits: nats-server removes it and says so. */
    public static ProtocolError subscriptionRevoked(String subject, String sid) {
        return new ProtocolError("Permissions Violation for Subscription to " + quoted(subject) + " (sid "
                + quoted(sid) + ")", false);
    }

    /** Go's {@code %q}: double quotes, with backslash, quote and control characters escaped. */
    static String quoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Whether the client is told anything before the close. */
    public boolean silent() {
        return text == null;
    }

    /** The line as sent on the wire, without the trailing CRLF; null for a silent error. */
    public String line() {
        return text == null ? null : "-ERR '" + text + "'";
    }
}
