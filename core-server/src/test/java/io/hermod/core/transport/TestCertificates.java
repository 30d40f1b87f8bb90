package io.hermod.core.transport;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test CA with a server certificate (for localhost and 127.0.0.1) and client certificates, made once per test
 * JVM with the JDK's {@code keytool} (run as a process, no network) and written as PEM files the way nats-server
 * configs name them; further client certificates with a chosen subject and subject alternative names are issued
 * on demand ({@link #issueClient}). Also builds the client-side {@link SSLContext}s the tests connect with.
 * Thread-safe.
 */
public final class TestCertificates {
    private static final char[] PASSWORD = "hermod-test".toCharArray();
    private static TestCertificates instance;

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** The shared set, generated on first use into a temporary directory removed when the JVM exits. */
    public static synchronized TestCertificates get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("hermod-certs");
                TestCertificates certs = new TestCertificates(dir);
                certs.generate();
                dir.toFile().deleteOnExit();
                try (var files = Files.list(dir)) {
                    files.forEach(f -> f.toFile().deleteOnExit());
                }
                instance = certs;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public Path caFile() { return dir.resolve("ca.pem"); }
    public Path serverCert() { return dir.resolve("server-cert.pem"); }
    public Path serverKey() { return dir.resolve("server-key.pem"); }
    public Path clientCert() { return dir.resolve("client-cert.pem"); }
    public Path clientKey() { return dir.resolve("client-key.pem"); }
    /** A client certificate that no configured CA signed (self-signed). */
    public Path strangerCert() { return dir.resolve("stranger-cert.pem"); }
    public Path strangerKey() { return dir.resolve("stranger-key.pem"); }

    /** Trusts the test CA; presents no client certificate. */
    public SSLContext clientContext() {
        return context(null);
    }

    /** Trusts the test CA and presents the client certificate the CA signed. */
    public SSLContext clientContextWithCertificate() {
        return context("client");
    }

    /** Trusts the test CA and presents the self-signed stranger certificate. */
    public SSLContext clientContextWithStrangerCertificate() {
        return context("stranger");
    }

    /**
     * A client certificate the test CA signed, issued on first use under {@code name} (later calls with the same
     * name return the same one).
     *
     * @param dname keytool's {@code -dname}, e.g. {@code CN=alice,OU=eng,O=Acme} (encoded O first, as RFC 2253
     *              lists the most specific RDN first)
     * @param san   keytool's subject alternative names, e.g. {@code email:alice@acme.io,dns:alice.acme.io,
     *              uri:spiffe://acme/alice}; null for none
     */
    public synchronized IssuedClient issueClient(String name, String dname, String san) {
        if (!Files.exists(dir.resolve(name + "-cert.pem"))) {
            try {
                issue(name, dname, "EKU=clientAuth", san == null ? null : "SAN=" + san);
                try (var files = Files.list(dir)) {
                    files.forEach(f -> f.toFile().deleteOnExit());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return new IssuedClient(readCertificate(dir.resolve(name + "-cert.pem")), context(name));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client certificate and the context that trusts the test CA and presents it. */
    public record IssuedClient(X509Certificate certificate, SSLContext sslContext) {
    }

    private SSLContext context(String identity) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", readCertificate(caFile()));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (identity != null) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(dir.resolve(identity + ".p12"))) {
                    keys.load(in, PASSWORD);
                }
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, PASSWORD);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void generate() throws IOException {
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=Hermod Test CA", "-ext", "bc:c", "-validity", "3", "-keystore", store("ca"));
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", store("ca"), "-file", caFile().toString());
        issue("server", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1", "EKU=serverAuth");
        issue("client", "CN=hermod-client,O=Hermod Tests", "EKU=clientAuth", null);
        keytool("-genkeypair", "-alias", "stranger", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=stranger", "-validity", "3", "-keystore", store("stranger"));
        writePem("stranger", strangerCert(), strangerKey(), false);
    }

    /** A key pair in {@code name.p12}, its certificate signed by the CA and stored back as a chain. */
    private void issue(String name, String dname, String ext1, String ext2) throws IOException {
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname,
                "-validity", "3", "-keystore", store(name));
        Path csr = dir.resolve(name + ".csr");
        Path cer = dir.resolve(name + ".cer");
        keytool("-certreq", "-alias", name, "-keystore", store(name), "-file", csr.toString());
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", store("ca"),
                "-infile", csr.toString(), "-outfile", cer.toString(), "-validity", "3", "-ext", ext1));
        if (ext2 != null) {
            gencert.addAll(List.of("-ext", ext2));
        }
        keytool(gencert.toArray(String[]::new));
        // Import the CA, then the signed certificate, so the key entry holds the chain leaf-first.
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", store(name), "-file", caFile().toString());
        keytool("-importcert", "-alias", name, "-keystore", store(name), "-file", cer.toString());
        writePem(name, dir.resolve(name + "-cert.pem"), dir.resolve(name + "-key.pem"), true);
    }

    private void writePem(String name, Path certFile, Path keyFile, boolean leafOnly) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(dir.resolve(name + ".p12"))) {
                store.load(in, PASSWORD);
            }
            PrivateKey key = (PrivateKey) store.getKey(name, PASSWORD);
            Certificate[] chain = store.getCertificateChain(name);
            StringBuilder certs = new StringBuilder();
            for (int i = 0; i < (leafOnly ? 1 : chain.length); i++) {
                certs.append(pem("CERTIFICATE", chain[i].getEncoded()));
            }
            Files.writeString(certFile, certs, StandardCharsets.US_ASCII);
            Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private String store(String name) {
        return dir.resolve(name + ".p12").toString();
    }

    private void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", new String(PASSWORD)));
        if (List.of(args).contains("-genkeypair")) {
            command.addAll(List.of("-keypass", new String(PASSWORD)));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed (" + process.exitValue() + "): " + command + "\n" + output);
        }
    }
}
