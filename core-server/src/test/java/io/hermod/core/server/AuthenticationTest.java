package io.hermod.core.server;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.hermod.core.auth.AuthConfig;
import io.hermod.core.auth.NkeyUser;
import io.hermod.core.auth.User;
import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens, passwords (plain and bcrypt), NKeys and the auth timeout, with jnats and raw sockets. */
class AuthenticationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void userAndPasswordAcceptedAndWrongPasswordRejected() throws Exception {
        try (RunningServer server = RunningServer.start(b -> b.authorization(AuthConfig.user("derek", "s3cr3t")))) {
            try (Connection nc = server.connect(o -> o.userInfo("derek", "s3cr3t"))) {
                assertRoundTrip(nc);
            }
            assertRejected(server, o -> o.userInfo("derek", "wrong"));
            assertRejected(server, o -> o.userInfo("other", "s3cr3t"));
            assertRejected(server, o -> o);
        }
    }

    @Test
    void tokenAcceptedAndWrongTokenRejected() throws Exception {
        try (RunningServer server = RunningServer.start(b -> b.authorization(AuthConfig.token("t0k3n")))) {
            try (Connection nc = server.connect(o -> o.token("t0k3n".toCharArray()))) {
                assertRoundTrip(nc);
            }
            assertRejected(server, o -> o.token("nope".toCharArray()));
        }
    }

    @Test
    void bcryptPasswordOfAUsersList() throws Exception {
        String hash = BCrypt.withDefaults().hashToString(4, "pw".toCharArray());
        AuthConfig auth = AuthConfig.users(List.of(new User("alice", hash, null)), List.of());
        try (RunningServer server = RunningServer.start(b -> b.authorization(auth))) {
            try (Connection nc = server.connect(o -> o.userInfo("alice", "pw"))) {
                assertRoundTrip(nc);
            }
            assertRejected(server, o -> o.userInfo("alice", hash));
        }
    }

    @Test
    void bcryptToken() throws Exception {
        String hash = BCrypt.withDefaults().hashToString(4, "tok".toCharArray());
        try (RunningServer server = RunningServer.start(b -> b.authorization(AuthConfig.token(hash)))) {
            try (Connection nc = server.connect(o -> o.token("tok".toCharArray()))) {
                assertRoundTrip(nc);
            }
            assertRejected(server, o -> o.token("tak".toCharArray()));
        }
    }

    @Test
    void nkeyUserAcceptedWithJnatsStaticCredentials() throws Exception {
        NKey user = NKey.createUser(new SecureRandom());
        AuthConfig auth = AuthConfig.users(List.of(), List.of(new NkeyUser(new String(user.getPublicKey()), null)));
        try (RunningServer server = RunningServer.start(b -> b.authorization(auth));
             Connection nc = server.connect(o -> o.authHandler(Nats.staticCredentials(null, user.getSeed())))) {
            assertRoundTrip(nc);
        }
    }

    @Test
    void nkeyUserWithWrongSignatureRejected() throws Exception {
        NKey user = NKey.createUser(new SecureRandom());
        NKey impostor = NKey.createUser(new SecureRandom());
        AuthConfig auth = AuthConfig.users(List.of(), List.of(new NkeyUser(new String(user.getPublicKey()), null)));
        AuthHandler wrongSigner = new AuthHandler() {
            @Override
            public byte[] sign(byte[] nonce) {
                try {
                    return impostor.sign(nonce);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public char[] getID() {
                try {
                    return user.getPublicKey();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public char[] getJWT() {
                return null;
            }
        };
        try (RunningServer server = RunningServer.start(b -> b.authorization(auth))) {
            assertRejected(server, o -> o.authHandler(wrongSigner));
            assertRejected(server, o -> o.authHandler(Nats.staticCredentials(null, impostor.getSeed())));
        }
    }

    @Test
    void infoAdvertisesAuthAndANoncePerConnectionForNkeyUsers() throws Exception {
        NKey user = NKey.createUser(new SecureRandom());
        AuthConfig auth = AuthConfig.users(List.of(), List.of(new NkeyUser(new String(user.getPublicKey()), null)));
        try (RunningServer server = RunningServer.start(b -> b.authorization(auth));
             RawClient first = new RawClient(server.port());
             RawClient second = new RawClient(server.port())) {
            String info1 = first.readLine();
            String info2 = second.readLine();
            assertTrue(info1.contains("\"headers\":true,\"auth_required\":true,\"max_payload\""), info1);
            String nonce1 = info1.replaceAll(".*\"nonce\":\"([^\"]+)\".*", "$1");
            String nonce2 = info2.replaceAll(".*\"nonce\":\"([^\"]+)\".*", "$1");
            assertEquals(15, nonce1.length(), info1);
            assertFalse(nonce1.equals(nonce2), "each connection gets its own nonce");
            assertTrue(info1.endsWith("\"nonce\":\"" + nonce1 + "\"} "), info1);
        }
    }

    @Test
    void infoHasNoNonceWithoutNkeyUsersAndNoAuthRequiredWithoutAuth() throws Exception {
        try (RunningServer token = RunningServer.start(b -> b.authorization(AuthConfig.token("t")));
             RunningServer open = RunningServer.start();
             RawClient a = new RawClient(token.port());
             RawClient b = new RawClient(open.port())) {
            String withToken = a.readLine();
            assertTrue(withToken.contains("\"auth_required\":true"), withToken);
            assertFalse(withToken.contains("nonce"), withToken);
            assertFalse(b.readLine().contains("auth_required"));
        }
    }

    @Test
    void clientWithoutCredentialsIsTakenForTheNoAuthUser() throws Exception {
        AuthConfig auth = AuthConfig.users(List.of(new User("a", "pa", null), new User("guest", "pg", null)), List.of());
        try (RunningServer server = RunningServer.start(b -> b.authorization(auth).noAuthUser("guest"))) {
            try (Connection nc = server.connect()) {
                assertRoundTrip(nc);
            }
            assertRejected(server, o -> o.userInfo("a", "pg"));
        }
    }

    @Test
    void clientThatSendsNoConnectGetsAuthenticationTimeout() throws Exception {
        try (RunningServer server = RunningServer.start(b -> b.authorization(AuthConfig.token("t"))
                .authTimeout(Duration.ofMillis(200)));
             RawClient raw = new RawClient(server.port())) {
            String all = raw.readUntilClosed(WAIT);
            assertTrue(all.startsWith("INFO {"), all);
            assertTrue(all.endsWith("} \r\n-ERR 'Authentication Timeout'\r\n"), all);
        }
    }

    @Test
    void authenticatedClientOutlivesTheAuthTimeout() throws Exception {
        try (RunningServer server = RunningServer.start(b -> b.authorization(AuthConfig.token("t"))
                .authTimeout(Duration.ofMillis(100)));
             Connection nc = server.connect(o -> o.token("t".toCharArray()))) {
            Subscription sub = nc.subscribe("later");
            nc.flush(WAIT);
            long deadline = System.nanoTime() + Duration.ofMillis(300).toNanos();
            // Keep the connection busy past several auth timeouts; it must stay connected throughout.
            while (System.nanoTime() < deadline) {
                nc.publish("later", new byte[] {1});
                assertNotNull(sub.nextMessage(WAIT));
            }
            assertEquals(Connection.Status.CONNECTED, nc.getStatus());
        }
    }

    @Test
    void withoutAuthorizationThereIsNoAuthTimeout() throws Exception {
        try (RunningServer server = RunningServer.start(b -> b.authTimeout(Duration.ofMillis(50)));
             RawClient raw = new RawClient(server.port())) {
            raw.readLine();
            // A PING sent after many auth timeouts is still answered.
            long deadline = System.nanoTime() + Duration.ofMillis(250).toNanos();
            while (System.nanoTime() < deadline) {
                raw.send("PING\r\n");
                assertEquals("PONG", raw.readLine());
            }
        }
    }

    private static void assertRoundTrip(Connection nc) throws Exception {
        Subscription sub = nc.subscribe("auth.check");
        nc.publish("auth.check", "hi".getBytes());
        assertNotNull(sub.nextMessage(WAIT));
    }

    private static void assertRejected(RunningServer server,
                                       java.util.function.UnaryOperator<io.nats.client.Options.Builder> options) {
        // jnats waits out its connection timeout after the server's -ERR; a short one keeps the test quick.
        Exception e = assertThrows(Exception.class,
                () -> server.connect(o -> options.apply(o).connectionTimeout(Duration.ofMillis(500))).close());
        assertTrue(e instanceof IOException || e.getMessage() != null, String.valueOf(e));
        String text = String.valueOf(e.getMessage()).toLowerCase();
        assertTrue(text.contains("authorization violation"), "expected an authorization violation: " + e);
    }
}
