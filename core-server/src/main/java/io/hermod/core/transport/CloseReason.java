package io.hermod.core.transport;

import io.hermod.core.protocol.ProtocolError;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * Why the server closes a client connection, in nats-server's words ({@code ClosedState}). Whoever closes records
 * the reason on the channel; transports that can tell the client (WebSocket close frames) read it. A connection
 * closed without a recorded reason is closed normally.
 */
public enum CloseReason {
    /** No particular reason: a normal closure. */
    NORMAL_CLOSURE(1000, ""),
    PROTOCOL_VIOLATION(1002, "Protocol Violation"),
    BAD_CLIENT_PROTOCOL_VERSION(1002, "Bad Client Protocol Version"),
    MAX_PAYLOAD_EXCEEDED(1009, "Maximum Message Payload Exceeded"),
    MAX_CONTROL_LINE_EXCEEDED(1008, "Maximum Control Line Exceeded"),
    MAX_CONNECTIONS_EXCEEDED(1008, "Maximum Connections Exceeded"),
    SLOW_CONSUMER_PENDING_BYTES(1008, "Slow Consumer (Pending Bytes)"),
    SLOW_CONSUMER_WRITE_DEADLINE(1008, "Slow Consumer (Write Deadline)"),
    AUTHENTICATION_TIMEOUT(1008, "Authentication Timeout"),
    AUTHENTICATION_VIOLATION(1008, "Authentication Failure"),
    STALE_CONNECTION(1006, "Stale Connection"),
    SERVER_SHUTDOWN(1001, "Server Shutdown");

    private static final AttributeKey<CloseReason> KEY = AttributeKey.valueOf(CloseReason.class, "closeReason");

    private final int webSocketStatus;
    private final String text;

    CloseReason(int webSocketStatus, String text) {
        this.webSocketStatus = webSocketStatus;
        this.text = text;
    }

    /** The status code of the WebSocket close frame nats-server sends for this reason (RFC 6455 section 7.4). */
    public int webSocketStatus() {
        return webSocketStatus;
    }

    /** nats-server's name for the reason, sent as the close frame's body; empty for a normal closure. */
    public String text() {
        return text;
    }

    /** Records why {@code channel} is about to be closed; the first reason recorded wins. */
    public void recordOn(Channel channel) {
        channel.attr(KEY).setIfAbsent(this);
    }

    /** The reason nats-server gives when it closes a connection after sending {@code error}. */
    public static CloseReason forError(ProtocolError error) {
        if (error == ProtocolError.MAX_PAYLOAD) {
            return MAX_PAYLOAD_EXCEEDED;
        } else if (error == ProtocolError.MAX_CONTROL_LINE) {
            return MAX_CONTROL_LINE_EXCEEDED;
        } else if (error == ProtocolError.STALE_CONNECTION) {
            return STALE_CONNECTION;
        } else if (error == ProtocolError.SLOW_CONSUMER) {
            return SLOW_CONSUMER_PENDING_BYTES;
        } else if (error == ProtocolError.MAX_CONNECTIONS) {
            return MAX_CONNECTIONS_EXCEEDED;
        } else if (error == ProtocolError.AUTH_TIMEOUT) {
            return AUTHENTICATION_TIMEOUT;
        } else if (error == ProtocolError.AUTH_VIOLATION) {
            return AUTHENTICATION_VIOLATION;
        } else if (error == ProtocolError.INVALID_CLIENT_PROTOCOL) {
            return BAD_CLIENT_PROTOCOL_VERSION;
        }
        return PROTOCOL_VIOLATION;
    }

    /** The recorded reason, or null. */
    public static CloseReason of(Channel channel) {
        return channel.attr(KEY).get();
    }
}
