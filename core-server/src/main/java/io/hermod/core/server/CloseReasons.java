package io.hermod.core.server;

import io.hermod.core.protocol.ProtocolError;

/** Why a connection closed, in nats-server 2.9's words ({@code ClosedState.String()}), for {@code /connz}. */
final class CloseReasons {
    static final String CLIENT_CLOSED = "Client Closed";
    static final String SLOW_CONSUMER_PENDING = "Slow Consumer (Pending Bytes)";
    static final String SLOW_CONSUMER_DEADLINE = "Slow Consumer (Write Deadline)";
    static final String READ_ERROR = "Read Error";
    static final String STALE_CONNECTION = "Stale Connection";
    static final String PROTOCOL_VIOLATION = "Protocol Violation";
    static final String BAD_CLIENT_PROTOCOL = "Bad Client Protocol Version";
    static final String MAX_PAYLOAD = "Maximum Message Payload Exceeded";
    static final String MAX_CONTROL_LINE = "Maximum Control Line Exceeded";
    static final String AUTH_TIMEOUT = "Authentication Timeout";
    static final String AUTH_VIOLATION = "Authentication Failure";
    static final String SERVER_SHUTDOWN = "Server Shutdown";

    private CloseReasons() {
    }

    /** The reason recorded when a protocol error closes the connection. */
    static String of(ProtocolError error) {
        if (error == ProtocolError.STALE_CONNECTION) return STALE_CONNECTION;
        if (error == ProtocolError.MAX_PAYLOAD) return MAX_PAYLOAD;
        if (error == ProtocolError.MAX_CONTROL_LINE) return MAX_CONTROL_LINE;
        if (error == ProtocolError.INVALID_CLIENT_PROTOCOL) return BAD_CLIENT_PROTOCOL;
        if (error == ProtocolError.AUTH_TIMEOUT) return AUTH_TIMEOUT;
        if (error == ProtocolError.AUTH_VIOLATION) return AUTH_VIOLATION;
        if (error == ProtocolError.SLOW_CONSUMER) return SLOW_CONSUMER_PENDING;
        return PROTOCOL_VIOLATION;
    }
}
