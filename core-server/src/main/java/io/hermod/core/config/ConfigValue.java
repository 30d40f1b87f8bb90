package io.hermod.core.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a parsed config tree. Every node remembers where it was written so the loader can point at it.
 * Durations stay strings here: whether {@code "2m"} is a duration is up to the key that reads it.
 */
public sealed interface ConfigValue {
    ConfigPosition position();

    /** The type's name as it appears in error messages. */
    String typeName();

    /** The same tree as plain Java values (String, Long, Double, Boolean, Instant, List, Map) without positions. */
    Object toPlain();

    /** A copy of this value placed elsewhere: a variable's value takes the position of the reference. */
    ConfigValue at(ConfigPosition newPosition);

    record ConfigString(String value, ConfigPosition position) implements ConfigValue {
        public String typeName() { return "string"; }
        public Object toPlain() { return value; }
        public ConfigValue at(ConfigPosition p) { return new ConfigString(value, p); }
    }

    record ConfigInteger(long value, ConfigPosition position) implements ConfigValue {
        public String typeName() { return "integer"; }
        public Object toPlain() { return value; }
        public ConfigValue at(ConfigPosition p) { return new ConfigInteger(value, p); }
    }

    record ConfigFloat(double value, ConfigPosition position) implements ConfigValue {
        public String typeName() { return "float"; }
        public Object toPlain() { return value; }
        public ConfigValue at(ConfigPosition p) { return new ConfigFloat(value, p); }
    }

    record ConfigBoolean(boolean value, ConfigPosition position) implements ConfigValue {
        public String typeName() { return "boolean"; }
        public Object toPlain() { return value; }
        public ConfigValue at(ConfigPosition p) { return new ConfigBoolean(value, p); }
    }

    /** nats-server accepts full Zulu ISO 8601 timestamps ({@code 2006-01-02T15:04:05Z}) unquoted. */
    record ConfigDateTime(Instant value, ConfigPosition position) implements ConfigValue {
        public String typeName() { return "datetime"; }
        public Object toPlain() { return value; }
        public ConfigValue at(ConfigPosition p) { return new ConfigDateTime(value, p); }
    }

    record ConfigArray(List<ConfigValue> values, ConfigPosition position) implements ConfigValue {
        public ConfigArray {
            values = List.copyOf(values);
        }

        public String typeName() { return "array"; }

        public Object toPlain() {
            List<Object> plain = new ArrayList<>(values.size());
            values.forEach(v -> plain.add(v.toPlain()));
            return Collections.unmodifiableList(plain);
        }

        public ConfigValue at(ConfigPosition p) { return new ConfigArray(values, p); }
    }

    /** A block: entries in the order written; a key written twice keeps its first place and its last value. */
    record ConfigMap(Map<String, ConfigEntry> entries, ConfigPosition position) implements ConfigValue {
        public ConfigMap {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public String typeName() { return "map"; }

        public ConfigValue get(String key) {
            ConfigEntry e = entries.get(key);
            return e == null ? null : e.value();
        }

        public Object toPlain() {
            Map<String, Object> plain = new LinkedHashMap<>();
            entries.forEach((k, e) -> plain.put(k, e.value().toPlain()));
            return Collections.unmodifiableMap(plain);
        }

        public ConfigValue at(ConfigPosition p) { return new ConfigMap(entries, p); }
    }

    /**
     * A key with its value. {@code usedAsVariable} is true when a later {@code $key} referred to it: nats-server does
     * not call such top-level keys unknown, since they were only there to be referenced.
     */
    record ConfigEntry(String key, ConfigPosition keyPosition, ConfigValue value, boolean usedAsVariable) {
    }
}
