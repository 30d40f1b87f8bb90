package io.hermod.core.config;

import io.hermod.core.config.ConfigValue.ConfigBoolean;
import io.hermod.core.config.ConfigValue.ConfigEntry;
import io.hermod.core.config.ConfigValue.ConfigFloat;
import io.hermod.core.config.ConfigValue.ConfigInteger;
import io.hermod.core.config.ConfigValue.ConfigMap;
import io.hermod.core.config.ConfigValue.ConfigString;
import io.hermod.core.transport.TlsConfigurationException;
import io.hermod.core.transport.TlsSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a {@code tls { ... }} block (the top-level one, or the websocket listener's) into {@link TlsSettings},
 * with nats-server 2.9's error wording. Relative file names are relative to the working directory, as in
 * nats-server. Stateless.
 */
final class TlsBlockReader {
    private static final String PREFIX = "error parsing tls config, ";
    /** Keys of nats-server's tls block that Hermod does not implement; refused rather than ignored. */
    private static final Set<String> UNSUPPORTED = Set.of("cipher_suites", "curve_preferences", "insecure",
            "pinned_certs", "verify_cert_and_check_known_urls", "connection_rate_limit",
            "ocsp_peer", "handshake_first", "cert_store", "cert_match_by", "cert_match", "ca_certs_match");

    private TlsBlockReader() {
    }

    static TlsSettings read(ConfigEntry block) {
        if (!(block.value() instanceof ConfigMap map)) {
            throw OptionValueReader.wrongType(block.key(), "a map", block.value());
        }
        Path cert = null;
        Path key = null;
        Path ca = null;
        boolean verify = false;
        boolean verifyAndMap = false;
        Duration timeout = TlsSettings.DEFAULT_TIMEOUT;
        for (ConfigEntry e : map.entries().values()) {
            String name = e.key().toLowerCase(Locale.ROOT);
            switch (name) {
                case "cert_file" -> cert = file(e);
                case "key_file" -> key = file(e);
                case "ca_file" -> ca = file(e);
                case "verify" -> {
                    if (!(e.value() instanceof ConfigBoolean b)) {
                        throw new ConfigException(e.keyPosition(), PREFIX + "expected 'verify' to be a boolean");
                    }
                    verify = b.value();
                }
                case "verify_and_map" -> {
                    if (!(e.value() instanceof ConfigBoolean b)) {
                        throw new ConfigException(e.keyPosition(), PREFIX
                                + "expected 'verify_and_map' to be a boolean");
                    }
                    verifyAndMap = b.value();
                }
                case "timeout" -> timeout = timeout(e);
                default -> {
                    if (UNSUPPORTED.contains(name)) {
                        throw new ConfigException(e.keyPosition(), "\"" + e.key()
                                + "\" is a nats-server TLS option that Hermod does not support yet");
                    }
                    throw new ConfigException(e.keyPosition(), PREFIX + "unknown field [\"" + e.key() + "\"]");
                }
            }
        }
        if (cert == null) {
            throw new ConfigException(block.keyPosition(), "missing 'cert_file' in TLS configuration");
        }
        if (key == null) {
            throw new ConfigException(block.keyPosition(), "missing 'key_file' in TLS configuration");
        }
        try {
            // verify_and_map implies verify, whatever the order of the two keys.
            return TlsSettings.load(cert, key, ca, verify || verifyAndMap, verifyAndMap, timeout);
        } catch (TlsConfigurationException e) {
            throw new ConfigException(block.keyPosition(), e.getMessage());
        }
    }

    private static Path file(ConfigEntry e) {
        if (!(e.value() instanceof ConfigString s)) {
            throw new ConfigException(e.keyPosition(), PREFIX + "expected '" + e.key().toLowerCase(Locale.ROOT)
                    + "' to be filename");
        }
        return Path.of(s.value());
    }

    /** Seconds as an integer or a float, or a Go duration string. */
    private static Duration timeout(ConfigEntry e) {
        ConfigValue v = e.value();
        Duration timeout;
        if (v instanceof ConfigInteger i) {
            timeout = Duration.ofSeconds(i.value());
        } else if (v instanceof ConfigFloat f) {
            timeout = Duration.ofNanos((long) (f.value() * 1_000_000_000L));
        } else if (v instanceof ConfigString s) {
            try {
                timeout = GoDuration.parse(s.value());
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(e.keyPosition(), PREFIX + "'timeout' " + ex.getMessage());
            }
        } else {
            throw new ConfigException(e.keyPosition(), PREFIX + "'timeout' wrong type");
        }
        if (timeout.isNegative()) {
            throw new ConfigException(e.keyPosition(), PREFIX + "'timeout' must not be negative");
        }
        // As in nats-server, 0 means the default.
        return timeout.isZero() ? TlsSettings.DEFAULT_TIMEOUT : timeout;
    }
}
