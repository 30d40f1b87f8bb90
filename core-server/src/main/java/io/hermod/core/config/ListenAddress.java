package io.hermod.core.config;

import io.hermod.core.config.ConfigValue.ConfigInteger;
import io.hermod.core.config.ConfigValue.ConfigString;

/**
 * The {@code listen} option: a port alone, or {@code host:port} split as Go's {@code net.SplitHostPort} does
 * ({@code [::1]:4222} for IPv6, {@code :4222} for every interface).
 *
 * @param host null when only a port was given
 */
record ListenAddress(String host, int port) {
    /** nats-server's default host, which an empty host ({@code :4222}) stands for. */
    private static final String ANY_HOST = "0.0.0.0";

    static ListenAddress of(String key, ConfigValue v) {
        if (v instanceof ConfigInteger) {
            return new ListenAddress(null, OptionValueReader.port(key, v));
        }
        if (!(v instanceof ConfigString s)) {
            throw OptionValueReader.wrongType(key, "a port or host:port", v);
        }
        String text = s.value();
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                throw unparsable(key, v, text);
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0 || text.indexOf(':') != colon) {
                throw unparsable(key, v, text);
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new ConfigException(v.position(), key + ": could not parse port \"" + port + "\"");
        }
        if (number < 0 || number > 65535) {
            throw new ConfigException(v.position(), key + " port must be between 0 and 65535, got " + number);
        }
        return new ListenAddress(host.isEmpty() ? ANY_HOST : host, number);
    }

    private static ConfigException unparsable(String key, ConfigValue v, String text) {
        return new ConfigException(v.position(), key + ": could not parse address string \"" + text + "\"");
    }
}
