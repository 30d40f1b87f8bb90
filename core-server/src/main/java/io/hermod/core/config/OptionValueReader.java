package io.hermod.core.config;

import io.hermod.core.config.ConfigValue.ConfigBoolean;
import io.hermod.core.config.ConfigValue.ConfigInteger;
import io.hermod.core.config.ConfigValue.ConfigString;

import java.time.Duration;
import java.util.List;

/**
 * Reads one option's value as the type the option needs, failing with the value's position when it is another
 * type. Stateless.
 */
final class OptionValueReader {
    private OptionValueReader() {
    }

    static String string(String key, ConfigValue v) {
        if (v instanceof ConfigString s) {
            return s.value();
        }
        throw wrongType(key, "a string", v);
    }

    static boolean bool(String key, ConfigValue v) {
        if (v instanceof ConfigBoolean b) {
            return b.value();
        }
        throw wrongType(key, "a boolean", v);
    }

    static long integer(String key, ConfigValue v) {
        if (v instanceof ConfigInteger i) {
            return i.value();
        }
        throw wrongType(key, "an integer", v);
    }

    /** nats-server keeps these in 32-bit fields and rejects larger values. */
    static int int32(String key, ConfigValue v) {
        long n = integer(key, v);
        if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
            throw new ConfigException(v.position(), key + " value is too big");
        }
        return (int) n;
    }

    static int port(String key, ConfigValue v) {
        long n = integer(key, v);
        if (n < 0 || n > 65535) {
            throw new ConfigException(v.position(), key + " must be between 0 and 65535, got " + n);
        }
        return (int) n;
    }

    /**
     * A Go duration string, or, as nats-server still accepts with a warning, an integer number of seconds. Note that
     * an unquoted {@code 2m} is the integer two million, so two million seconds.
     */
    static Duration duration(String key, ConfigValue v, List<String> warnings) {
        if (v instanceof ConfigString s) {
            try {
                return GoDuration.parse(s.value());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(v.position(), "error parsing " + key + ": " + e.getMessage());
            }
        }
        if (v instanceof ConfigInteger i) {
            warnings.add(v.position() + ": " + key + " should be converted to a duration (" + i.value()
                    + " read as seconds)");
            try {
                return Duration.ofSeconds(i.value());
            } catch (ArithmeticException e) {
                throw new ConfigException(v.position(), key + " value is too big");
            }
        }
        throw wrongType(key, "a duration string such as \"2m\"", v);
    }

    static ConfigException wrongType(String key, String expected, ConfigValue v) {
        return new ConfigException(v.position(), key + ": expected " + expected + " but got " + v.typeName()
                + " " + describe(v));
    }

    private static String describe(ConfigValue v) {
        Object plain = v.toPlain();
        return plain instanceof String s ? "\"" + s + "\"" : String.valueOf(plain);
    }
}
