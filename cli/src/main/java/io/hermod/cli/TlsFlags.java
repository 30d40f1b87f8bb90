package io.hermod.cli;

import io.hermod.core.transport.TlsSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/**
 * nats-server's TLS flags for {@code hermod server}, with its semantics: giving any of them replaces the config
 * file's {@code tls} certificate, key, CA and verify with the flags' (so {@code --tlscert} and {@code --tlskey}
 * are then required, even when the file has them), keeping the file's {@code timeout} and {@code verify_and_map};
 * {@code --tls=false} turns TLS off whatever else is given. With {@code --tlsverify} and no {@code --tlscacert},
 * client certificates are checked against the JDK's default trust store, as nats-server uses the system's.
 */
final class TlsFlags {
    @Option(names = {"--tls", "-tls"}, arity = "0..1", paramLabel = "BOOL", fallbackValue = "true",
            description = "Enable TLS, do not verify clients (--tls=false: no TLS, even if the config file has it).")
    private Boolean tls;

    @Option(names = {"--tlscert", "-tlscert"}, paramLabel = "FILE", description = "Server certificate file (PEM).")
    private Path cert;

    @Option(names = {"--tlskey", "-tlskey"}, paramLabel = "FILE", description = "Private key for server certificate (PEM).")
    private Path key;

    @Option(names = {"--tlsverify", "-tlsverify"}, arity = "0..1", paramLabel = "BOOL", fallbackValue = "true",
            description = "Enable TLS, verify client certificates.")
    private Boolean verify;

    @Option(names = {"--tlscacert", "-tlscacert"}, paramLabel = "FILE", description = "Client certificate CA for verification (PEM).")
    private Path caCert;

    /** Whether any TLS flag was given, so that {@link #apply} decides the TLS settings. */
    boolean given() {
        return tls != null || cert != null || key != null || verify != null || caCert != null;
    }

    /**
     * @param fromConfig the config file's settings, null when it has no {@code tls} block
     * @return the settings to run with; null for no TLS
     * @throws IllegalArgumentException with nats-server's wording when the certificate or key flag is missing
     */
    TlsSettings apply(TlsSettings fromConfig) {
        if (!given()) {
            return fromConfig;
        }
        if (Boolean.FALSE.equals(tls)) {
            return null;
        }
        if (cert == null) {
            throw new IllegalArgumentException("TLS Server certificate must be present and valid");
        }
        if (key == null) {
            throw new IllegalArgumentException("TLS Server private key must be present and valid");
        }
        boolean mapToUser = fromConfig != null && fromConfig.mapCertificateToUser();
        Duration timeout = fromConfig == null ? TlsSettings.DEFAULT_TIMEOUT : fromConfig.timeout();
        return TlsSettings.load(cert, key, caCert, Boolean.TRUE.equals(verify), mapToUser, timeout);
    }
}
