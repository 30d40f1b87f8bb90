package io.hermod.core.server;

import io.hermod.core.transport.TestCertificates;
import io.hermod.core.transport.TlsSettings;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Client connections on a TLS listener: INFO in plaintext, then the client upgrades (nats-server 2.9). */
class TlsClientConnectionTest {
    private final TestCertificates certs = TestCertificates.get();

    private RunningServer startTls(boolean verify, Duration timeout) throws InterruptedException {
        TlsSettings tls = TlsSettings.load(certs.serverCert(), certs.serverKey(), certs.caFile(), verify, timeout);
        return RunningServer.start(b -> b.tls(tls));
    }

    private static void assertRoundTrip(Connection nc) throws InterruptedException {
        Subscription sub = nc.subscribe("secure.greeting");
        nc.publish("secure.greeting", "over tls".getBytes(StandardCharsets.UTF_8));
        Message msg = sub.nextMessage(Duration.ofSeconds(5));
        assertNotNull(msg, "message not received");
        assertEquals("over tls", new String(msg.getData(), StandardCharsets.UTF_8));
    }

    @Test
    void jnatsPublishesAndSubscribesOverTls() throws Exception {
        try (RunningServer server = startTls(false, TlsSettings.DEFAULT_TIMEOUT);
             Connection nc = server.connect(o -> o.sslContext(certs.clientContext()))) {
            assertRoundTrip(nc);
        }
    }

    @Test
    void infoIsSentInPlaintextWithTlsRequiredAndVerifyAfterHeaders() throws Exception {
        try (RunningServer server = startTls(true, TlsSettings.DEFAULT_TIMEOUT);
             RawClient raw = new RawClient(server.port())) {
            String info = raw.readLine();
            assertTrue(info.startsWith("INFO {"), info);
            assertTrue(info.contains("\"headers\":true,\"tls_required\":true,\"tls_verify\":true,\"max_payload\":"),
                    info);
        }
    }

    @Test
    void infoHasNoTlsVerifyWithoutVerify() throws Exception {
        try (RunningServer server = startTls(false, TlsSettings.DEFAULT_TIMEOUT);
             RawClient raw = new RawClient(server.port())) {
            String info = raw.readLine();
            assertTrue(info.contains("\"headers\":true,\"tls_required\":true,\"max_payload\":"), info);
        }
    }

    @Test
    void plaintextClientIsClosedWithoutAnyBytesAfterInfo() throws Exception {
        // nats-server 2.9.10: "TLS handshake error: tls: first record does not look like a TLS handshake", and
        // the connection is closed without -ERR or TLS alert.
        try (RunningServer server = startTls(false, TlsSettings.DEFAULT_TIMEOUT);
             RawClient raw = new RawClient(server.port())) {
            assertTrue(raw.readLine().startsWith("INFO "));
            raw.send("CONNECT {\"verbose\":false}\r\nPING\r\n");
            assertEquals("", raw.readUntilClosed(Duration.ofSeconds(5)));
        }
    }

    @Test
    void jnatsWithoutTlsLearnsFromInfoThatTheServerRequiresItAndFailsClearly() throws Exception {
        // The clear error a plaintext NATS client gets comes from INFO's tls_required, as with nats-server:
        // jnats upgrades on its own and, trusting nothing here, fails the handshake with a TLS error.
        try (RunningServer server = startTls(false, TlsSettings.DEFAULT_TIMEOUT)) {
            java.util.List<Exception> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            io.nats.client.ErrorListener recording = new io.nats.client.ErrorListener() {
                @Override
                public void exceptionOccurred(Connection conn, Exception exp) {
                    seen.add(exp);
                }
            };
            assertThrows(java.io.IOException.class, () -> server.connect(o -> o.errorListener(recording)).close());
            String causes = seen.toString();
            assertTrue(causes.contains("SSL") || causes.contains("certification path"), causes);
        }
    }

    @Test
    void clientThatNeverStartsTheHandshakeIsClosedAfterTheTlsTimeout() throws Exception {
        Duration timeout = Duration.ofMillis(300);
        try (RunningServer server = startTls(false, timeout);
             RawClient raw = new RawClient(server.port())) {
            assertTrue(raw.readLine().startsWith("INFO "));
            long start = System.nanoTime();
            assertEquals("", raw.readUntilClosed(Duration.ofSeconds(5)));
            assertTrue(System.nanoTime() - start >= timeout.toNanos() - Duration.ofMillis(50).toNanos());
        }
    }

    @Test
    void mutualTlsAcceptsAClientCertificateSignedByTheCa() throws Exception {
        try (RunningServer server = startTls(true, TlsSettings.DEFAULT_TIMEOUT);
             Connection nc = server.connect(o -> o.sslContext(certs.clientContextWithCertificate()))) {
            assertRoundTrip(nc);
        }
    }

    @Test
    void mutualTlsRefusesAClientWithoutCertificate() throws Exception {
        try (RunningServer server = startTls(true, TlsSettings.DEFAULT_TIMEOUT)) {
            assertThrows(Exception.class, () -> server.connect(o -> o.sslContext(certs.clientContext())).close());
        }
    }

    @Test
    void mutualTlsRefusesACertificateTheCaDidNotSign() throws Exception {
        try (RunningServer server = startTls(true, TlsSettings.DEFAULT_TIMEOUT)) {
            assertThrows(Exception.class,
                    () -> server.connect(o -> o.sslContext(certs.clientContextWithStrangerCertificate())).close());
        }
    }
}
