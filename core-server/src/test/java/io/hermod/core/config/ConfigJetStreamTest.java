package io.hermod.core.config;

import io.hermod.core.server.JetStreamOptions;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigJetStreamTest {
    private final ServerOptionsLoader loader = new ServerOptionsLoader();

    private ServerOptions load(String text) {
        ServerOptions.Builder builder = ServerOptions.builder();
        List<String> warnings = loader.apply(new ConfigParser(EnvironmentVariables.of(Map.of())).parseText(text,
                Path.of("hermod.conf")), builder);
        assertEquals(List.of(), warnings);
        return builder.build();
    }

    @Test
    void withoutTheKeyJetStreamIsOffWithDefaults() {
        ServerOptions o = load("port: 1");
        assertFalse(o.jetstream());
        assertEquals(Path.of("data", "store"), o.storeDir());
        assertEquals(JetStreamOptions.DEFAULTS, o.jetStreamOptions());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetstream: true", "jetstream: enabled", "jetstream: \"enable\"", "jetstream {}",
            "jetstream: {store_dir: \"/tmp/x\"}", "jetstream { enabled: true }"})
    void formsThatEnable(String text) {
        assertTrue(load(text).jetstream());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetstream: false", "jetstream: disabled", "jetstream { enabled: false }"})
    void formsThatDisable(String text) {
        assertFalse(load(text).jetstream());
    }

    @Test
    void blockSetsStoreDirAndLimits() {
        ServerOptions o = load("jetstream {\n store_dir: \"/var/js\"\n max_memory_store: 1GB\n"
                + " max_file_store: 10GB\n sync_interval: \"2s\"\n}");
        assertEquals(Path.of("/var/js"), o.storeDir());
        assertEquals(new JetStreamOptions(1L << 30, 10L << 30, Duration.ofSeconds(2)), o.jetStreamOptions());
    }

    @Test
    void topLevelStoreDirDoesNotEnable() {
        ServerOptions o = load("store_dir: \"/var/js\"");
        assertEquals(Path.of("/var/js"), o.storeDir());
        assertFalse(o.jetstream());
    }

    @Test
    void wrongStringIsRefusedWithNatsWording() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("jetstream: maybe"));
        assertTrue(e.getMessage().endsWith("Expected 'enabled' or 'disabled' for string value, got 'maybe'"),
                e.getMessage());
    }

    @Test
    void unsupportedKeyOfTheBlockIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("jetstream { domain: hub }"));
        assertTrue(e.getMessage().contains("\"jetstream.domain\" is a nats-server option"), e.getMessage());
    }
}
