package io.hermod.core.config;

import io.hermod.core.config.ConfigValue.ConfigEntry;
import io.hermod.core.config.ConfigValue.ConfigMap;

import java.util.LinkedHashMap;
import java.util.Map;

/** A block still being read: variables may refer to what it holds so far, which marks those entries as used. */
final class MapBuilder {
    private final ConfigPosition position;
    private final Map<String, ConfigEntry> entries = new LinkedHashMap<>();

    MapBuilder(ConfigPosition position) {
        this.position = position;
    }

    /** A repeated key keeps its first place and takes the last value, as in nats-server. */
    void put(String key, ConfigPosition keyPosition, ConfigValue value) {
        entries.put(key, new ConfigEntry(key, keyPosition, value, false));
    }

    void put(ConfigEntry entry) {
        entries.put(entry.key(), entry);
    }

    /** The value of {@code key} for a variable reference, or null. */
    ConfigValue referTo(String key) {
        ConfigEntry e = entries.get(key);
        if (e == null) {
            return null;
        }
        entries.put(key, new ConfigEntry(e.key(), e.keyPosition(), e.value(), true));
        return e.value();
    }

    ConfigMap build() {
        return new ConfigMap(entries, position);
    }
}
