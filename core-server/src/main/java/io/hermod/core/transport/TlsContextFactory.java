package io.hermod.core.transport;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * Builds a server {@link SslContext} from PEM files, failing with nats-server's wording (Go's {@code crypto/tls}
 * messages) when a file is missing, unreadable or does not fit. TLS 1.2 is the minimum, as in nats-server.
 */
final class TlsContextFactory {
    private static final String PAIR_ERROR = "error parsing X509 certificate/key pair: ";
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsContextFactory() {
    }

    static SslContext serverContext(Path certFile, Path keyFile, Path caFile, boolean verify) {
        requireReadable(certFile, PAIR_ERROR);
        requireReadable(keyFile, PAIR_ERROR);
        List<X509Certificate> chain = readCertificates(certFile, PAIR_ERROR + "tls: failed to find any PEM data in certificate input");
        checkKeyMatches(chain.get(0), keyFile);
        SslContextBuilder builder;
        try {
            builder = SslContextBuilder.forServer(certFile.toFile(), keyFile.toFile());
        } catch (IllegalArgumentException e) {
            throw new TlsConfigurationException(PAIR_ERROR + rootMessage(e), e);
        }
        if (caFile != null) {
            requireReadable(caFile, "");
            List<X509Certificate> roots = readCertificates(caFile, "failed to parse root ca certificate");
            builder.trustManager(roots.toArray(X509Certificate[]::new));
        }
        builder.clientAuth(verify ? ClientAuth.REQUIRE : ClientAuth.NONE).protocols(PROTOCOLS);
        try {
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new TlsConfigurationException(PAIR_ERROR + rootMessage(e), e);
        }
    }

    private static void requireReadable(Path file, String prefix) {
        if (!Files.isRegularFile(file)) {
            throw new TlsConfigurationException(prefix + "open " + file + ": no such file or directory");
        }
        if (!Files.isReadable(file)) {
            throw new TlsConfigurationException(prefix + "open " + file + ": permission denied");
        }
    }

    private static List<X509Certificate> readCertificates(Path file, String failure) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> x509 = new ArrayList<>();
            for (Certificate c : certs) {
                x509.add((X509Certificate) c);
            }
            if (x509.isEmpty()) {
                throw new TlsConfigurationException(failure);
            }
            return x509;
        } catch (CertificateException e) {
            throw new TlsConfigurationException(failure, e);
        } catch (IOException e) {
            throw new TlsConfigurationException(failure + ": " + e.getMessage(), e);
        }
    }

    /**
     * Go refuses a key that does not belong to the certificate at load time; the JDK would only fail handshakes.
     * Checked by signing with the key and verifying with the certificate, for unencrypted PKCS#8 keys (what
     * {@code openssl} writes by default); other key formats are left to Netty's loader.
     */
    private static void checkKeyMatches(X509Certificate certificate, Path keyFile) {
        PrivateKey key = readPkcs8Key(keyFile, certificate.getPublicKey());
        if (key == null) {
            return;
        }
        String algorithm = signatureAlgorithm(key);
        if (algorithm == null) {
            return;
        }
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new TlsConfigurationException(PAIR_ERROR + "tls: private key does not match public key");
            }
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException(PAIR_ERROR + "tls: private key does not match public key", e);
        }
    }

    private static PrivateKey readPkcs8Key(Path keyFile, PublicKey certificateKey) {
        String pem;
        try {
            pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new TlsConfigurationException(PAIR_ERROR + e.getMessage(), e);
        }
        String begin = "-----BEGIN PRIVATE KEY-----";
        int start = pem.indexOf(begin);
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (start < 0 || end < start) {
            return null;
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), end));
            return KeyFactory.getInstance(certificateKey.getAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // A key of another algorithm than the certificate's can not be its key.
            throw new TlsConfigurationException(PAIR_ERROR + "tls: private key does not match public key", e);
        }
    }

    private static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
