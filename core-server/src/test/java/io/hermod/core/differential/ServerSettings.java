package io.hermod.core.differential;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Server configuration a test case needs, held twice: as nats-server config text ({@link #natsConfig()}) and as
 * neutral key/values ({@link #values()}, keys below) from which another server can be configured the same way.
 * Both are built by the same calls, so they cannot drift apart. Absent keys mean the server's default.
 */
public final class ServerSettings {
    public static final String MAX_PAYLOAD = "max_payload";
    public static final String MAX_CONTROL_LINE = "max_control_line";
    public static final String MAX_CONNECTIONS = "max_connections";
    public static final String MAX_SUBSCRIPTIONS = "max_subscriptions";
    /** A Go duration string such as {@code 1s}. */
    public static final String PING_INTERVAL = "ping_interval";
    public static final String PING_MAX = "ping_max";
    public static final String AUTH_TOKEN = "auth_token";
    /** Seconds, as nats-server's {@code authorization.timeout}. */
    public static final String AUTH_TIMEOUT_SECONDS = "auth_timeout_seconds";

    /** A whole {@code authorization} block in nats-server syntax (users, permissions, bcrypt hashes...). */
    public static final String AUTHORIZATION = "authorization";

    private static final ServerSettings DEFAULTS = new ServerSettings(Map.of(), "");

    private final Map<String, String> values;
    private final String natsConfig;

    private ServerSettings(Map<String, String> values, String natsConfig) {
        this.values = values;
        this.natsConfig = natsConfig;
    }

    public static ServerSettings defaults() {
        return DEFAULTS;
    }

    public ServerSettings maxPayload(int bytes) {
        return with(MAX_PAYLOAD, Integer.toString(bytes), "max_payload: " + bytes);
    }

    public ServerSettings maxControlLine(int bytes) {
        return with(MAX_CONTROL_LINE, Integer.toString(bytes), "max_control_line: " + bytes);
    }

    public ServerSettings maxConnections(int count) {
        return with(MAX_CONNECTIONS, Integer.toString(count), "max_connections: " + count);
    }

    public ServerSettings maxSubscriptions(int count) {
        return with(MAX_SUBSCRIPTIONS, Integer.toString(count), "max_subscriptions: " + count);
    }

    public ServerSettings pingInterval(String goDuration) {
        return with(PING_INTERVAL, goDuration, "ping_interval: \"" + goDuration + "\"");
    }

    public ServerSettings pingMax(int count) {
        return with(PING_MAX, Integer.toString(count), "ping_max: " + count);
    }

    /** Token authorization with the given timeout, as {@code authorization { token: ..., timeout: ... }}. */
    public ServerSettings authToken(String token, int timeoutSeconds) {
        Map<String, String> next = new LinkedHashMap<>(values);
        next.put(AUTH_TOKEN, token);
        next.put(AUTH_TIMEOUT_SECONDS, Integer.toString(timeoutSeconds));
        String line = "authorization { token: \"" + token + "\", timeout: " + timeoutSeconds + " }";
        return new ServerSettings(Collections.unmodifiableMap(next), natsConfig + line + "\n");
    }

    /** {@code authorization { <block> }}, given in nats-server syntax; both servers read the same text. */
    public ServerSettings authorization(String block) {
        return with(AUTHORIZATION, block, "authorization {\n" + block + "\n}");
    }

    private ServerSettings with(String key, String value, String configLine) {
        Map<String, String> next = new LinkedHashMap<>(values);
        next.put(key, value);
        return new ServerSettings(Collections.unmodifiableMap(next), natsConfig + configLine + "\n");
    }

    /** Neutral key/values, keys are the constants of this class, in insertion order. */
    public Map<String, String> values() {
        return values;
    }

    /** nats-server config file lines (without {@code listen}); empty for defaults. */
    public String natsConfig() {
        return natsConfig;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerSettings other && values.equals(other.values) && natsConfig.equals(other.natsConfig);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, natsConfig);
    }

    @Override
    public String toString() {
        return values.isEmpty() ? "defaults" : values.toString();
    }
}
