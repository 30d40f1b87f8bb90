package io.hermod.core.config;

import io.hermod.core.config.ConfigValue.ConfigEntry;
import io.hermod.core.config.ConfigValue.ConfigMap;
import io.hermod.core.server.ServerOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Applies the top level of a parsed config file to a {@link ServerOptions.Builder}. Keys match case-insensitively,
 * as in nats-server, and are applied in file order (nats-server walks a Go map, so which of {@code port} and
 * {@code listen} wins there is chance). Stateless and thread-safe.
 */
public final class ServerOptionsLoader {

    /**
     * @return warnings for the caller to log, each starting with its position: unknown keys (ignored, where
     *     nats-server would refuse to start) and durations given as plain seconds
     * @throws ConfigException for a value of the wrong type or range, or a nats-server key Hermod does not support
     */
    public List<String> apply(ConfigMap config, ServerOptions.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        List<String> warnings = new ArrayList<>();
        for (ConfigEntry entry : config.entries().values()) {
            if (!applyKnown(entry, builder, warnings)) {
                if (UnsupportedNatsKeys.contains(entry.key())) {
                    throw new ConfigException(entry.keyPosition(),
                            "\"" + entry.key() + "\" is a nats-server option that Hermod does not support yet");
                }
                // A top-level key that was only there to be referenced as $key is not unknown (nats-server agrees).
                if (!entry.usedAsVariable()) {
                    warnings.add(entry.keyPosition() + ": unknown field \"" + entry.key() + "\" ignored");
                }
            }
        }
        return warnings;
    }

    /** False when Hermod has no option of that name. */
    private static boolean applyKnown(ConfigEntry entry, ServerOptions.Builder b, List<String> warnings) {
        String key = entry.key().toLowerCase(Locale.ROOT);
        ConfigValue v = entry.value();
        switch (key) {
            case "host", "net" -> b.host(OptionValueReader.string(key, v));
            case "port" -> b.port(OptionValueReader.port(key, v));
            case "listen" -> {
                ListenAddress address = ListenAddress.of(key, v);
                if (address.host() != null) {
                    b.host(address.host());
                }
                b.port(address.port());
            }
            case "server_name" -> b.serverName(OptionValueReader.string(key, v));
            case "max_payload" -> b.maxPayload(OptionValueReader.int32(key, v));
            case "max_connections", "max_conn" -> b.maxConnections(OptionValueReader.int32(key, v));
            case "max_subscriptions", "max_subs" -> b.maxSubscriptions(OptionValueReader.int32(key, v));
            case "max_pending" -> b.maxPending(OptionValueReader.integer(key, v));
            case "max_control_line" -> b.maxControlLine(OptionValueReader.int32(key, v));
            case "ping_interval" -> b.pingInterval(OptionValueReader.duration(key, v, warnings));
            case "ping_max" -> b.pingMax(OptionValueReader.int32(key, v));
            case "write_deadline" -> b.writeDeadline(OptionValueReader.duration(key, v, warnings));
            case "debug" -> b.debug(OptionValueReader.bool(key, v));
            case "trace" -> b.trace(OptionValueReader.bool(key, v));
            case "logtime" -> b.logtime(OptionValueReader.bool(key, v));
            case "log_file", "logfile" -> b.logFile(Path.of(OptionValueReader.string(key, v)));
            case "http_port", "monitor_port" -> b.httpPort(OptionValueReader.int32(key, v));
            case "http" -> {
                ListenAddress address = ListenAddress.of(key, v);
                if (address.host() != null) {
                    b.httpHost(address.host());
                }
                b.httpPort(address.port());
            }
            case "authorization" -> AuthorizationReader.apply(key, v, b, warnings);
            case "no_auth_user" -> b.noAuthUser(OptionValueReader.string(key, v));
            case "tls" -> b.tls(TlsBlockReader.read(entry));
            case "websocket", "ws" -> b.websocket(WebSocketBlockReader.read(entry));
            case "jetstream" -> JetStreamBlockReader.apply(entry, b, warnings);
            case "store_dir", "storedir" -> b.storeDir(Path.of(OptionValueReader.string(key, v)));
            default -> {
                return false;
            }
        }
        return true;
    }
}
