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

    /** Whether the client is told anything before the close. */
    public boolean silent() {
        return text == null;
    }

    /** The line as sent on the wire, without the trailing CRLF; null for a silent error. */
    public String line() {
        return text == null ? null : "-ERR '" + text + "'";
    }
}
