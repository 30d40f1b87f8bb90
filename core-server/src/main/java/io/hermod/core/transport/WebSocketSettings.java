package io.hermod.core.transport;

import java.util.List;
import java.util.Objects;

/**
 * A {@code websocket { ... }} block: a second listener where clients speak the NATS protocol inside WebSocket
 * frames. Immutable.
 *
 * @param port           the port to bind; 0 picks a free one
 * @param noTls          plain {@code ws://}; nats-server refuses a websocket listener without TLS unless set
 * @param tls            may be null only with {@code noTls}; when present it is used even if {@code noTls} is set
 * @param compression    offer permessage-deflate to clients that ask for it
 * @param sameOrigin     refuse upgrades whose {@code Origin} differs from the request's {@code Host}
 * @param allowedOrigins when not empty, refuse upgrades whose {@code Origin} is not one of these
 */
public record WebSocketSettings(String host, int port, boolean noTls, TlsSettings tls, boolean compression,
                                boolean sameOrigin, List<String> allowedOrigins) {
    /** nats-server listens for websocket clients on all interfaces unless told otherwise. */
    public static final String DEFAULT_HOST = "0.0.0.0";

    public WebSocketSettings {
        Objects.requireNonNull(host, "host");
        allowedOrigins = List.copyOf(allowedOrigins);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("websocket port must be between 0 and 65535: " + port);
        }
        if (tls == null && !noTls) {
            throw new IllegalArgumentException("websocket requires TLS configuration");
        }
        OriginPolicy.of(sameOrigin, allowedOrigins);
    }

    /** A plain {@code ws://} listener with nats-server's defaults otherwise. */
    public static WebSocketSettings plain(String host, int port) {
        return new WebSocketSettings(host, port, true, null, false, false, List.of());
    }

    public boolean secure() {
        return tls != null;
    }

    public OriginPolicy originPolicy() {
        return OriginPolicy.of(sameOrigin, allowedOrigins);
    }
}
