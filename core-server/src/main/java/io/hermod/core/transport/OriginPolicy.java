package io.hermod.core.transport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which {@code Origin}s may open a websocket connection, as nats-server decides: no {@code Origin} header is
 * always accepted (non-browser clients can send anything anyway); {@code same_origin} requires the origin's host
 * and port to be the request's {@code Host}; a non-empty {@code allowed_origins} requires host, scheme and port to
 * match one entry. Immutable.
 */
public final class OriginPolicy {
    private record Allowed(String scheme, String port) {
    }

    private final boolean sameOrigin;
    private final Map<String, Allowed> allowed;

    private OriginPolicy(boolean sameOrigin, Map<String, Allowed> allowed) {
        this.sameOrigin = sameOrigin;
        this.allowed = allowed;
    }

    /** @throws IllegalArgumentException "unable to parse allowed origin: ..." for an entry that is not a URL */
    public static OriginPolicy of(boolean sameOrigin, List<String> allowedOrigins) {
        Map<String, Allowed> allowed = new HashMap<>();
        for (String origin : allowedOrigins) {
            URI uri;
            try {
                uri = new URI(origin);
                if (uri.getScheme() == null) {
                    throw new URISyntaxException(origin, "missing protocol scheme");
                }
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("unable to parse allowed origin: " + e.getMessage(), e);
            }
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            allowed.put(host, new Allowed(uri.getScheme(), port(uri.getPort(), "https".equals(uri.getScheme()))));
        }
        return new OriginPolicy(sameOrigin, Map.copyOf(allowed));
    }

    /**
     * @param origin     the request's {@code Origin} (or {@code Sec-WebSocket-Origin}) header, may be null
     * @param host       the request's {@code Host} header
     * @param tls        whether the request came over TLS (decides the default port of a {@code Host} without one)
     * @return null when the origin is accepted, else why not (nats-server's words)
     */
    public String reject(String origin, String host, boolean tls) {
        if ((!sameOrigin && allowed.isEmpty()) || origin == null || origin.isEmpty()) {
            return null;
        }
        URI originUri;
        try {
            originUri = new URI(origin);
        } catch (URISyntaxException e) {
            return e.getMessage();
        }
        if (originUri.getHost() == null) {
            return "invalid origin " + origin;
        }
        String originHost = originUri.getHost().toLowerCase(Locale.ROOT);
        String originPort = port(originUri.getPort(), "https".equals(originUri.getScheme()));
        if (sameOrigin) {
            URI requestUri;
            try {
                requestUri = new URI("http://" + host);
            } catch (URISyntaxException e) {
                return e.getMessage();
            }
            String requestHost = requestUri.getHost() == null ? "" : requestUri.getHost().toLowerCase(Locale.ROOT);
            if (!originHost.equals(requestHost) || !originPort.equals(port(requestUri.getPort(), tls))) {
                return "not same origin";
            }
        }
        if (!allowed.isEmpty()) {
            Allowed entry = allowed.get(originHost);
            if (entry == null || !entry.scheme().equals(originUri.getScheme()) || !entry.port().equals(originPort)) {
                return "not in the allowed list";
            }
        }
        return null;
    }

    private static String port(int port, boolean tls) {
        if (port >= 0) {
            return Integer.toString(port);
        }
        return tls ? "443" : "80";
    }
}
