package io.hermod.core.config;

import io.hermod.core.auth.Permissions;
import io.hermod.core.auth.ResponsePermission;
import io.hermod.core.auth.SubjectPermission;
import io.hermod.core.config.ConfigValue.ConfigArray;
import io.hermod.core.config.ConfigValue.ConfigBoolean;
import io.hermod.core.config.ConfigValue.ConfigEntry;
import io.hermod.core.config.ConfigValue.ConfigMap;
import io.hermod.core.config.ConfigValue.ConfigString;
import io.hermod.core.subject.SubjectValidator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@code permissions} block: {@code publish} and {@code subscribe} as a subject, a list of subjects (the
 * allow list) or {@code {allow: ..., deny: ...}}, and {@code allow_responses} as {@code true} or
 * {@code {max: N, expires: "1m"}}. Stateless.
 */
final class PermissionsReader {
    private PermissionsReader() {
    }

    static Permissions read(String key, ConfigValue value, List<String> warnings) {
        if (!(value instanceof ConfigMap map)) {
            throw OptionValueReader.wrongType(key, "a map", value);
        }
        SubjectPermission publish = null;
        SubjectPermission subscribe = null;
        ResponsePermission responses = null;
        for (ConfigEntry entry : map.entries().values()) {
            String k = entry.key().toLowerCase(Locale.ROOT);
            ConfigValue v = entry.value();
            switch (k) {
                case "publish", "pub", "import" -> publish = subjectPermission(k, v);
                case "subscribe", "sub", "export" -> subscribe = subjectPermission(k, v);
                case "allow_responses", "publish_allow_responses" -> responses = responses(k, v, warnings);
                default -> warnings.add(entry.keyPosition() + ": unknown field \"" + entry.key()
                        + "\" in permissions ignored");
            }
        }
        return new Permissions(publish, subscribe, responses);
    }

    private static SubjectPermission subjectPermission(String key, ConfigValue v) {
        if (v instanceof ConfigMap map) {
            List<String> allow = null;
            List<String> deny = List.of();
            for (ConfigEntry entry : map.entries().values()) {
                String k = entry.key().toLowerCase(Locale.ROOT);
                switch (k) {
                    case "allow" -> allow = subjects(k, entry.value());
                    case "deny" -> deny = subjects(k, entry.value());
                    default -> throw new ConfigException(entry.keyPosition(),
                            "Unknown field name \"" + entry.key() + "\" parsing subject permissions");
                }
            }
            return new SubjectPermission(allow, deny);
        }
        return SubjectPermission.allowing(subjects(key, v));
    }

    private static List<String> subjects(String key, ConfigValue v) {
        List<ConfigValue> values = v instanceof ConfigArray array ? array.values() : List.of(v);
        List<String> subjects = new ArrayList<>(values.size());
        for (ConfigValue element : values) {
            if (!(element instanceof ConfigString s)) {
                throw OptionValueReader.wrongType(key, "a subject or a list of subjects", element);
            }
            if (!SubjectValidator.isValidFilter(s.value())) {
                throw new ConfigException(element.position(), "subject \"" + s.value() + "\" is not a valid subject");
            }
            subjects.add(s.value());
        }
        return subjects;
    }

    private static ResponsePermission responses(String key, ConfigValue v, List<String> warnings) {
        if (v instanceof ConfigBoolean b) {
            return b.value() ? ResponsePermission.defaults() : null;
        }
        if (!(v instanceof ConfigMap map)) {
            throw OptionValueReader.wrongType(key, "a boolean or a map", v);
        }
        int max = 0;
        Duration expires = Duration.ZERO;
        for (ConfigEntry entry : map.entries().values()) {
            String k = entry.key().toLowerCase(Locale.ROOT);
            switch (k) {
                case "max", "max_msgs", "max_messages", "max_responses" -> max = OptionValueReader.int32(k, entry.value());
                case "expires", "expiration", "ttl" -> expires = OptionValueReader.duration(k, entry.value(), warnings);
                default -> throw new ConfigException(entry.keyPosition(),
                        "Unknown field \"" + entry.key() + "\" parsing allow_responses");
            }
        }
        return new ResponsePermission(max, expires);
    }
}
