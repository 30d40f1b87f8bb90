package io.hermod.core.config;

import io.hermod.core.config.ConfigValue.ConfigArray;
import io.hermod.core.config.ConfigValue.ConfigEntry;
import io.hermod.core.config.ConfigValue.ConfigMap;
import io.hermod.core.config.ConfigValue.ConfigString;
import io.hermod.core.transport.TlsSettings;
import io.hermod.core.transport.WebSocketSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a {@code websocket { ... }} (or {@code ws}) block. As in nats-server, port 0 or no port means no websocket
 * listener (the other keys are still checked), -1 a random port, and a listener without a {@code tls} block must
 * say {@code no_tls: true}. Stateless.
 */
final class WebSocketBlockReader {
    /** Keys of nats-server's websocket block that Hermod does not implement; refused rather than ignored. */
    private static final Set<String> UNSUPPORTED = Set.of("advertise", "handshake_timeout", "authorization",
            "authentication", "no_auth_user", "jwt_cookie", "username", "user", "password", "pass", "token",
            "users", "nkeys");

    private WebSocketBlockReader() {
    }

    /** @return null when the block configures no listener (port 0 or absent) */
    static WebSocketSettings read(ConfigEntry block) {
        if (!(block.value() instanceof ConfigMap map)) {
            throw new ConfigException(block.keyPosition(), "Expected websocket to be a map, got "
                    + block.value().typeName());
        }
        String host = WebSocketSettings.DEFAULT_HOST;
        int port = 0;
        boolean noTls = false;
        TlsSettings tls = null;
        boolean compression = false;
        boolean sameOrigin = false;
        List<String> allowedOrigins = List.of();
        for (ConfigEntry e : map.entries().values()) {
            String key = e.key().toLowerCase(Locale.ROOT);
            ConfigValue v = e.value();
            switch (key) {
                case "listen" -> {
                    ListenAddress address = ListenAddress.of(key, v);
                    if (address.host() != null) {
                        host = address.host();
                    }
                    port = address.port();
                }
                case "port" -> port = port(key, v);
                case "host", "net" -> host = OptionValueReader.string(key, v);
                case "no_tls" -> noTls = OptionValueReader.bool(key, v);
                case "tls" -> tls = TlsBlockReader.read(e);
                case "compression" -> compression = OptionValueReader.bool(key, v);
                case "same_origin" -> sameOrigin = OptionValueReader.bool(key, v);
                case "allowed_origins", "allowed_origin", "allow_origins", "allow_origin", "origins", "origin" ->
                        allowedOrigins = strings(key, v);
                default -> {
                    if (UNSUPPORTED.contains(key)) {
                        throw new ConfigException(e.keyPosition(), "\"" + e.key()
                                + "\" is a nats-server websocket option that Hermod does not support yet");
                    }
                    throw new ConfigException(e.keyPosition(), "unknown field \"" + e.key() + "\"");
                }
            }
        }
        if (port == 0) {
            return null;
        }
        try {
            return new WebSocketSettings(host, port < 0 ? 0 : port, noTls, tls, compression, sameOrigin,
                    allowedOrigins);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(block.keyPosition(), e.getMessage());
        }
    }

    /** -1 asks for a random port, 0 for no listener. */
    private static int port(String key, ConfigValue v) {
        long n = OptionValueReader.integer(key, v);
        if (n < -1 || n > 65535) {
            throw new ConfigException(v.position(), key + " must be between -1 and 65535, got " + n);
        }
        return (int) n;
    }

    private static List<String> strings(String key, ConfigValue v) {
        if (v instanceof ConfigString s) {
            return List.of(s.value());
        }
        if (!(v instanceof ConfigArray array)) {
            throw OptionValueReader.wrongType(key, "a string or an array of strings", v);
        }
        List<String> values = new ArrayList<>();
        for (ConfigValue item : array.values()) {
            values.add(OptionValueReader.string(key, item));
        }
        return values;
    }
}
