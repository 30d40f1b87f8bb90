package io.hermod.cli.client;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how to connect, once flags, {@code NATS_URL} and the context are resolved. Null fields are not used.
 *
 * @param url one server URL or several separated by commas
 * @param nkey a file holding an nkey seed ({@code SU...})
 */
public record ConnectionSettings(String url, String user, String password, String token, Path nkey,
                                 Path tlsCert, Path tlsKey, Path tlsCa, Duration timeout) {
    public static final String DEFAULT_URL = "nats://127.0.0.1:4222";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public boolean tlsGiven() {
        return tlsCert != null || tlsKey != null || tlsCa != null;
    }
}
