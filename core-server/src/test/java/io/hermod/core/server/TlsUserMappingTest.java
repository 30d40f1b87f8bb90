package io.hermod.core.server;

import io.hermod.core.auth.AuthConfig;
import io.hermod.core.auth.Permissions;
import io.hermod.core.auth.SubjectPermission;
import io.hermod.core.auth.User;
import io.hermod.core.transport.TestCertificates;
import io.hermod.core.transport.TlsSettings;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code tls { verify_and_map: true }}: jnats clients are the users their certificates name, without a password. */
class TlsUserMappingTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Permissions ONLY_ALICE = new Permissions(
            new SubjectPermission(List.of("alice.>"), List.of()), null, null);

    private final TestCertificates certs = TestCertificates.get();

    private RunningServer startMapping(User... users) throws InterruptedException {
        TlsSettings tls = TlsSettings.load(certs.serverCert(), certs.serverKey(), certs.caFile(), true, true,
                TlsSettings.DEFAULT_TIMEOUT);
        return RunningServer.start(b -> b.tls(tls).authorization(AuthConfig.users(List.of(users), List.of())));
    }

    @Test
    void certificateEmailMapsToItsUserWhosePermissionsApply() throws Exception {
        TestCertificates.IssuedClient alice = certs.issueClient("tls-alice", "CN=alice,OU=eng,O=Acme",
                "email:alice@acme.io");
        QuietErrorListener errors = new QuietErrorListener();
        try (RunningServer server = startMapping(new User("alice@acme.io", null, ONLY_ALICE),
                new User("admin", "secret", null));
             // The CONNECT's user is ignored when the certificate decides.
             Connection nc = server.connect(o -> o.sslContext(alice.sslContext()).userInfo("admin", "")
                     .errorListener(errors))) {
            Subscription sub = nc.subscribe("alice.inbox");
            nc.publish("alice.inbox", "mine".getBytes(StandardCharsets.UTF_8));
            nc.publish("admin.only", "not mine".getBytes(StandardCharsets.UTF_8));
            nc.flush(WAIT);
            assertEquals("Permissions Violation for Publish to \"admin.only\"", errors.nextError(WAIT));
            Message msg = sub.nextMessage(WAIT);
            assertNotNull(msg);
            assertEquals("mine", new String(msg.getData(), StandardCharsets.UTF_8));
            assertEquals(Connection.Status.CONNECTED, nc.getStatus());
        }
    }

    @Test
    void subjectMapsToAUserNamingItsRdnsInAnotherOrder() throws Exception {
        TestCertificates.IssuedClient bob = certs.issueClient("tls-bob", "CN=bob,OU=eng,O=Acme", null);
        try (RunningServer server = startMapping(new User("O=Acme,OU=eng,CN=bob", null, null));
             Connection nc = server.connect(o -> o.sslContext(bob.sslContext()))) {
            nc.flush(WAIT);
            assertEquals(Connection.Status.CONNECTED, nc.getStatus());
        }
    }

    @Test
    void certificateNamingNoUserIsRefusedWithAuthorizationViolation() throws Exception {
        QuietErrorListener errors = new QuietErrorListener();
        try (RunningServer server = startMapping(new User("CN=someone-else", null, null))) {
            // The shared client certificate is CN=hermod-client,O=Hermod Tests: no such user.
            assertThrows(Exception.class, () -> server.connect(o -> o.sslContext(certs.clientContextWithCertificate())
                    .errorListener(errors)));
            assertEquals("Authorization Violation", errors.nextError(WAIT));
        }
    }

    @Test
    void websocketListenerWithoutVerifyAndMapKeepsPasswordAuthentication() throws Exception {
        TlsSettings tls = TlsSettings.load(certs.serverCert(), certs.serverKey(), certs.caFile(), true, true,
                TlsSettings.DEFAULT_TIMEOUT);
        try (RunningServer server = RunningServer.start(b -> b.tls(tls)
                .websocket(io.hermod.core.transport.WebSocketSettings.plain("127.0.0.1", 0))
                .authorization(AuthConfig.users(List.of(new User("web", "pw", null)), List.of())));
             Connection ws = RunningServer.connect(server.websocketUrl(), o -> o.userInfo("web", "pw"))) {
            ws.flush(WAIT);
            assertEquals(Connection.Status.CONNECTED, ws.getStatus());
        }
    }
}
