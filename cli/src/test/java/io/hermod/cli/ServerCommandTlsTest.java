package io.hermod.cli;

import io.hermod.core.server.HermodServer;
import io.hermod.core.server.ServerOptions;
import io.hermod.core.transport.TestCertificates;
import io.hermod.core.transport.TlsSettings;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.net.ssl.SSLContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hermod server}'s TLS flags, with nats-server 2.9.10's semantics. */
class ServerCommandTlsTest {
    private final TestCertificates certs = TestCertificates.get();

    private static ServerOptions options(String... args) throws Exception {
        ServerCommand command = new ServerCommand();
        new CommandLine(command).parseArgs(args);
        return command.options();
    }

    private String[] certAndKey(String... more) {
        String[] base = {"--tlscert", certs.serverCert().toString(), "--tlskey", certs.serverKey().toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private Path configWithTls(Path dir) throws Exception {
        return Files.writeString(dir.resolve("hermod.conf"), "tls {\n  cert_file: \"" + certs.serverCert()
                + "\"\n  key_file: \"" + certs.serverKey() + "\"\n  ca_file: \"" + certs.caFile()
                + "\"\n  verify_and_map: true\n  timeout: 3\n}\n");
    }

    @Test
    void certificateAndKeyFlagsEnableTlsWithoutClientVerification() throws Exception {
        TlsSettings tls = options(certAndKey()).tls();
        assertEquals(certs.serverCert(), tls.certFile());
        assertEquals(certs.serverKey(), tls.keyFile());
        assertNull(tls.caFile());
        assertFalse(tls.verify());
        assertEquals(TlsSettings.DEFAULT_TIMEOUT, tls.timeout());
        assertNull(options().tls(), "no flag, no config file: no TLS");
    }

    @Test
    void tlsverifyWithCaCertRequiresClientCertificatesSignedByIt() throws Exception {
        TlsSettings tls = options(certAndKey("--tlscacert", certs.caFile().toString(), "--tlsverify")).tls();
        assertTrue(tls.verify());
        assertEquals(certs.caFile(), tls.caFile());
        assertNotNull(options(certAndKey("--tls")).tls());
    }

    @Test
    void anyTlsFlagNeedsCertificateAndKeyFlagsEvenWhenTheConfigFileHasThem(@TempDir Path dir) throws Exception {
        String conf = configWithTls(dir).toString();
        assertEquals("TLS Server certificate must be present and valid",
                assertThrows(IllegalArgumentException.class, () -> options("-c", conf, "--tlsverify")).getMessage());
        assertEquals("TLS Server private key must be present and valid", assertThrows(IllegalArgumentException.class,
                () -> options("--tlscert", certs.serverCert().toString())).getMessage());
        assertEquals("TLS Server certificate must be present and valid", assertThrows(IllegalArgumentException.class,
                () -> options("--tls", "--tlskey", certs.serverKey().toString())).getMessage());
    }

    @Test
    void flagsReplaceTheConfigFilesCertificatesAndVerifyButKeepItsTimeoutAndMapping(@TempDir Path dir)
            throws Exception {
        String conf = configWithTls(dir).toString();
        TlsSettings fromFile = options("-c", conf).tls();
        assertTrue(fromFile.verify());
        TlsSettings flagged = options(certAndKey("-c", conf)).tls();
        assertNull(flagged.caFile());
        assertFalse(flagged.verify());
        assertTrue(flagged.mapCertificateToUser());
        assertEquals(Duration.ofSeconds(3), flagged.timeout());
    }

    @Test
    void tlsFalseTurnsTlsOffEvenWithTheConfigFileAndOtherTlsFlags(@TempDir Path dir) throws Exception {
        String conf = configWithTls(dir).toString();
        assertNull(options("-c", conf, "--tls=false").tls());
        assertNull(options("--tls=false", "--tlscert", "missing.pem").tls());
    }

    @Test
    void unreadableCertificateFileFailsWithNatsServersWording() {
        assertEquals("error parsing X509 certificate/key pair: open missing.pem: no such file or directory",
                assertThrows(RuntimeException.class, () -> options("--tlscert", "missing.pem", "--tlskey",
                        certs.serverKey().toString())).getMessage());
    }

    @Test
    void serverStartedFromTlsFlagsAcceptsOnlyClientsWithACertificateOfTheCa() throws Exception {
        ServerOptions opts = options(certAndKey("-a", "127.0.0.1", "-p", "0", "--tlscacert",
                certs.caFile().toString(), "--tlsverify"));
        HermodServer server = new HermodServer(opts).start();
        try {
            String url = "nats://127.0.0.1:" + server.port();
            try (Connection nc = connect(url, certs.clientContextWithCertificate())) {
                nc.flush(Duration.ofSeconds(5));
                assertEquals(Connection.Status.CONNECTED, nc.getStatus());
            }
            assertThrows(Exception.class, () -> connect(url, certs.clientContext()).close());
        } finally {
            server.close();
        }
    }

    /** 15 s to connect: a cold JVM's first TLS handshake has taken over 5 s on a loaded 2-core machine. */
    private static Connection connect(String url, SSLContext context) throws Exception {
        return Nats.connect(new Options.Builder().server(url).sslContext(context).maxReconnects(0)
                .connectionTimeout(Duration.ofSeconds(15)).errorListener(new io.nats.client.ErrorListener() {
                }).build());
    }
}
