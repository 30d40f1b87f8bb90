package io.hermod.core.config;

import io.hermod.core.server.ServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigServerOptionsLoaderTest {
    private final ServerOptionsLoader loader = new ServerOptionsLoader();

    private ServerOptions load(String text) {
        ServerOptions.Builder builder = ServerOptions.builder();
        List<String> warnings = apply(text, builder);
        assertEquals(List.of(), warnings);
        return builder.build();
    }

    private List<String> apply(String text, ServerOptions.Builder builder) {
        return loader.apply(new ConfigParser(EnvironmentVariables.of(Map.of())).parseText(text,
                Path.of("hermod.conf")), builder);
    }

    @Test
    void mapsEveryClientOption() {
        ServerOptions o = load("""
                host: 127.0.0.1
                port: 4333
                server_name: hermod-1
                max_payload: 512KB
                max_connections: 100
                max_subscriptions: 7
                max_pending: 2MB
                max_control_line: 1024
                ping_interval: "30s"
                ping_max: 5
                write_deadline: "1.5s"
                debug: true
                trace: yes
                logtime: off
                log_file: "/var/log/hermod.log"
                """);
        assertEquals("127.0.0.1", o.host());
        assertEquals(4333, o.port());
        assertEquals("hermod-1", o.serverName());
        assertEquals(512 * 1024, o.maxPayload());
        assertEquals(100, o.maxConnections());
        assertEquals(7, o.maxSubscriptions());
        assertEquals(2L * 1024 * 1024, o.maxPending());
        assertEquals(1024, o.maxControlLine());
        assertEquals(Duration.ofSeconds(30), o.pingInterval());
        assertEquals(5, o.pingMax());
        assertEquals(Duration.ofMillis(1500), o.writeDeadline());
        assertTrue(o.debug());
        assertTrue(o.trace());
        assertFalse(o.logtime());
        assertEquals(Path.of("/var/log/hermod.log"), o.logFile());
    }

    @Test
    void acceptsNatsServerAliases() {
        ServerOptions o = load("net: 10.0.0.1\nmax_conn: 9\nmax_subs: 3\nlogfile: x.log");
        assertEquals("10.0.0.1", o.host());
        assertEquals(9, o.maxConnections());
        assertEquals(3, o.maxSubscriptions());
        assertEquals(Path.of("x.log"), o.logFile());
    }

    @Test
    void keysMatchCaseInsensitively() {
        ServerOptions o = load("PORT: 4444\nServer_Name: a\nDEBUG: true");
        assertEquals(4444, o.port());
        assertEquals("a", o.serverName());
        assertTrue(o.debug());
    }

    @Test
    void untouchedOptionsKeepTheirDefaults() {
        ServerOptions o = load("port: 4555");
        assertEquals("0.0.0.0", o.host());
        assertEquals(ServerOptions.DEFAULT_MAX_PAYLOAD, o.maxPayload());
        assertEquals(ServerOptions.DEFAULT_PING_INTERVAL, o.pingInterval());
        assertNull(o.logFile());
    }

    @Test
    void listenTakesHostAndPort() {
        ServerOptions o = load("listen: 127.0.0.1:5222");
        assertEquals("127.0.0.1", o.host());
        assertEquals(5222, o.port());
    }

    @Test
    void listenWithOnlyColonPortBindsEveryInterface() {
        ServerOptions o = load("host: 10.1.1.1\nlisten: \":5223\"");
        assertEquals("0.0.0.0", o.host());
        assertEquals(5223, o.port());
    }

    @Test
    void listenWithIntegerSetsOnlyThePort() {
        ServerOptions o = load("host: 10.1.1.1\nlisten: 5224");
        assertEquals("10.1.1.1", o.host());
        assertEquals(5224, o.port());
    }

    @Test
    void listenTakesBracketedIpv6() {
        ServerOptions o = load("listen: \"[::1]:5225\"");
        assertEquals("::1", o.host());
        assertEquals(5225, o.port());
    }

    @ParameterizedTest
    @ValueSource(strings = {"listen: localhost", "listen: \"a:b:1\"", "listen: \"h:x\"", "listen: true", "listen: \"h:70000\""})
    void badListenIsAnError(String text) {
        assertThrows(ConfigException.class, () -> load(text));
    }

    @Test
    void laterKeyWinsBetweenPortAndListen() {
        assertEquals(6001, load("listen: 1.2.3.4:6000\nport: 6001").port());
        assertEquals(6000, load("port: 6001\nlisten: 1.2.3.4:6000").port());
    }

    @Test
    void durationGivenAsIntegerIsSecondsWithAWarning() {
        ServerOptions.Builder b = ServerOptions.builder();
        List<String> warnings = apply("ping_interval: 90\nwrite_deadline = 2", b);
        ServerOptions o = b.build();
        assertEquals(Duration.ofSeconds(90), o.pingInterval());
        assertEquals(Duration.ofSeconds(2), o.writeDeadline());
        assertEquals(List.of(
                "hermod.conf:1:16: ping_interval should be converted to a duration (90 read as seconds)",
                "hermod.conf:2:18: write_deadline should be converted to a duration (2 read as seconds)"), warnings);
    }

    @Test
    void unquotedTwoMIsTwoMillionSecondsAsInNatsServer() {
        ServerOptions.Builder b = ServerOptions.builder();
        apply("ping_interval: 2m", b);
        assertEquals(Duration.ofSeconds(2_000_000), b.build().pingInterval());
    }

    @Test
    void unquotedDurationWithLetterUnitIsAString() {
        assertEquals(Duration.ofMinutes(90), load("ping_interval: 1h30m").pingInterval());
    }

    @Test
    void badDurationIsAnErrorWithPosition() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("\nping_interval: \"5 min\""));
        assertEquals("hermod.conf:2:16: error parsing ping_interval: time: unknown unit \" min\" in duration \"5 min\"",
                e.getMessage());
    }

    @Test
    void wrongValueTypeIsAnErrorAtTheValue() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("port: \"abc\""));
        assertEquals("hermod.conf:1:7: port: expected an integer but got string \"abc\"", e.getMessage());
        assertThrows(ConfigException.class, () -> load("debug: 1"));
        assertThrows(ConfigException.class, () -> load("server_name: 5"));
        assertThrows(ConfigException.class, () -> load("max_payload: 1.5"));
        assertThrows(ConfigException.class, () -> load("ping_interval: true"));
    }

    @Test
    void valuesTooBigForTheirFieldAreErrors() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("max_payload: 4GB"));
        assertEquals("hermod.conf:1:14: max_payload value is too big", e.getMessage());
        assertThrows(ConfigException.class, () -> load("port: 65536"));
        assertThrows(ConfigException.class, () -> load("port: -1"));
    }

    @Test
    void unknownKeyIsAWarningNamingKeyAndPosition() {
        ServerOptions.Builder b = ServerOptions.builder();
        List<String> warnings = apply("port: 4666\n  colour: blue", b);
        assertEquals(List.of("hermod.conf:2:3: unknown field \"colour\" ignored"), warnings);
        assertEquals(4666, b.build().port());
    }

    @Test
    void keyUsedOnlyAsVariableIsNotUnknown() {
        ServerOptions.Builder b = ServerOptions.builder();
        assertEquals(List.of(), apply("PAYLOAD: 64KB\nmax_payload: $PAYLOAD", b));
        assertEquals(65536, b.build().maxPayload());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ocsp", "cluster", "gateway", "leafnodes",
            "accounts", "mqtt", "https", "https_port", "system_account", "operator",
            "resolver", "MQTT", "Cluster"})
    void natsServerKeyHermodDoesNotSupportIsAnError(String key) {
        ConfigException e = assertThrows(ConfigException.class, () -> load("port: 1\n" + key + " { a: 1 }"));
        assertEquals("hermod.conf:2:1: \"" + key + "\" is a nats-server option that Hermod does not support yet",
                e.getMessage());
    }

    @Test
    void monitoringPortKeys() {
        assertEquals(8222, load("http_port: 8222").httpPort());
        assertEquals(8223, load("monitor_port: 8223").httpPort());
        assertEquals(-1, load("http_port: -1").httpPort());
        ServerOptions hostAndPort = load("http: \"127.0.0.1:8224\"");
        assertEquals("127.0.0.1", hostAndPort.httpHost());
        assertEquals(8224, hostAndPort.httpPort());
        ServerOptions portOnly = load("http: 8225");
        assertEquals(null, portOnly.httpHost());
        assertEquals(8225, portOnly.httpPort());
    }
}
