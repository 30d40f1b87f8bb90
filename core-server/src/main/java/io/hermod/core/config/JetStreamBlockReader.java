package io.hermod.core.config;

import io.hermod.core.config.ConfigValue.ConfigBoolean;
import io.hermod.core.config.ConfigValue.ConfigEntry;
import io.hermod.core.config.ConfigValue.ConfigMap;
import io.hermod.core.config.ConfigValue.ConfigString;
import io.hermod.core.server.JetStreamOptions;
import io.hermod.core.server.ServerOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the {@code jetstream} key as nats-server does: a boolean, the strings {@code enabled}/{@code enable} or
 * {@code disabled}/{@code disable}, or a block (which enables JetStream unless it says {@code enabled: false}) with
 * {@code store_dir}, {@code max_memory_store}, {@code max_file_store} and {@code sync_interval}. Stateless.
 */
final class JetStreamBlockReader {
    /** Keys of nats-server's jetstream block that Hermod does not implement; refused rather than ignored. */
    private static final Set<String> UNSUPPORTED = Set.of("domain", "key", "ek", "encryption_key", "cipher",
            "max_outstanding_catchup", "unique_tag", "limits", "extension_hint", "max_buffered_msgs",
            "max_buffered_size", "request_queue_limit");

    private JetStreamBlockReader() {
    }

    static void apply(ConfigEntry entry, ServerOptions.Builder b, List<String> warnings) {
        ConfigValue v = entry.value();
        if (v instanceof ConfigBoolean flag) {
            b.jetstream(flag.value());
            return;
        }
        if (v instanceof ConfigString text) {
            switch (text.value().toLowerCase(Locale.ROOT)) {
                case "enabled", "enable" -> b.jetstream(true);
                case "disabled", "disable" -> b.jetstream(false);
                default -> throw new ConfigException(v.position(),
                        "Expected 'enabled' or 'disabled' for string value, got '" + text.value() + "'");
            }
            return;
        }
        if (!(v instanceof ConfigMap map)) {
            throw new ConfigException(entry.keyPosition(), "Expected map, bool or string to define JetStream, got "
                    + v.typeName());
        }
        boolean enabled = true;
        long maxMemory = -1;
        long maxFile = -1;
        Duration sync = Duration.ZERO;
        for (ConfigEntry e : map.entries().values()) {
            String key = e.key().toLowerCase(Locale.ROOT);
            ConfigValue value = e.value();
            switch (key) {
                case "store_dir", "storedir" -> b.storeDir(Path.of(OptionValueReader.string(key, value)));
                case "max_memory_store", "max_mem_store", "max_mem" -> maxMemory = OptionValueReader.integer(key, value);
                case "max_file_store", "max_file" -> maxFile = OptionValueReader.integer(key, value);
                case "enable", "enabled" -> enabled = OptionValueReader.bool(key, value);
                case "sync_interval", "sync" -> sync = syncInterval(key, value, warnings);
                default -> {
                    if (UNSUPPORTED.contains(key)) {
                        throw new ConfigException(e.keyPosition(), "\"jetstream." + e.key()
                                + "\" is a nats-server option that Hermod does not support yet");
                    }
                    warnings.add(e.keyPosition() + ": unknown field \"jetstream." + e.key() + "\" ignored");
                }
            }
        }
        b.jetstream(enabled);
        b.jetStreamOptions(new JetStreamOptions(maxMemory, maxFile, sync));
    }

    /** A duration, or {@code always} (nats 2.10): fsync every write, which is Hermod's default. */
    private static Duration syncInterval(String key, ConfigValue value, List<String> warnings) {
        if (value instanceof ConfigString s && s.value().equalsIgnoreCase("always")) {
            return Duration.ZERO;
        }
        Duration d = OptionValueReader.duration(key, value, warnings);
        if (d.isNegative()) {
            throw new ConfigException(value.position(), key + " must not be negative");
        }
        return d;
    }
}
