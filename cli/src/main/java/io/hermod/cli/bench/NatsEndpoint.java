package io.hermod.cli.bench;

import java.net.URI;

/** Host and port of a {@code nats://host:port} URL, for the raw-socket clients that bypass jnats. */
record NatsEndpoint(String url, String host, int port) {
    static final int DEFAULT_PORT = 4222;

    static NatsEndpoint parse(String url) {
        String withScheme = url.contains("://") ? url : "nats://" + url;
        URI uri = URI.create(withScheme);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("no host in server URL " + url);
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        return new NatsEndpoint(withScheme, uri.getHost(), port);
    }
}
