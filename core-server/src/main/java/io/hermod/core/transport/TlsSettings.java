package io.hermod.core.transport;

import io.netty.handler.ssl.SslContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@code tls { cert_file, key_file, ca_file, verify, verify_and_map, timeout }} block, with the server-side
 * {@link SslContext} built from it. Build with {@link #load}, which reads the PEM files at once so that a bad file fails at
 * configuration time, as in nats-server. Immutable and thread-safe.
 *
 * @param caFile  may be null: client certificates are then checked against the JDK's default trust store
 * @param verify  whether a client certificate signed by {@code caFile} is required (mutual TLS)
 * @param mapCertificateToUser {@code verify_and_map}: a client of this listener is the configured user its
 *                certificate names, without a password (see {@code io.hermod.core.auth.CertificateUserMapping})
 * @param timeout how long the TLS handshake may take after INFO was sent
 */
public record TlsSettings(Path certFile, Path keyFile, Path caFile, boolean verify, boolean mapCertificateToUser,
                          Duration timeout, SslContext sslContext) {
    /** nats-server's TLS_TIMEOUT. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    public TlsSettings {
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(sslContext, "sslContext");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("TLS timeout must be positive: " + timeout);
        }
    }

    /**
     * Reads the certificate, key and CA files and builds the server context.
     *
     * @throws TlsConfigurationException with nats-server's wording when a file is missing or unusable
     */
    public static TlsSettings load(Path certFile, Path keyFile, Path caFile, boolean verify, Duration timeout) {
        return load(certFile, keyFile, caFile, verify, false, timeout);
    }

    /**
     * As {@link #load(Path, Path, Path, boolean, Duration)}, with {@code verify_and_map}. Mapping does not imply
     * {@code verify} here: the config reader sets both, as nats-server does, while the command line's TLS flags
     * replace {@code verify} and keep the config file's mapping (a client without a certificate then fails it).
     */
    public static TlsSettings load(Path certFile, Path keyFile, Path caFile, boolean verify,
                                   boolean mapCertificateToUser, Duration timeout) {
        SslContext context = TlsContextFactory.serverContext(certFile, keyFile, caFile, verify);
        return new TlsSettings(certFile, keyFile, caFile, verify, mapCertificateToUser, timeout, context);
    }
}
