package io.hermod.core.server;

import io.hermod.core.auth.AuthConfig;
import io.hermod.core.auth.Permissions;
import io.hermod.core.auth.SubjectPermission;
import io.hermod.core.auth.User;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link HermodServer#reload}: new authorization and limits without dropping the connections that still pass. */
class ReloadTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static AuthConfig users(User... users) {
        return AuthConfig.users(List.of(users), List.of());
    }

    @Test
    void changedPasswordClosesItsClientsAndKeepsTheOthers() throws Exception {
        Permissions xy = new Permissions(null, SubjectPermission.allowing(List.of("x.>", "y.>")), null);
        try (RunningServer server = RunningServer.start(b -> b.authorization(users(
                new User("a", "pa", null), new User("b", "pb", xy))));
             RawClient a = new RawClient(server.port());
             RawClient b = new RawClient(server.port())) {
            a.handshake("{\"verbose\":false,\"user\":\"a\",\"pass\":\"pa\"}");
            b.handshake("{\"verbose\":false,\"user\":\"b\",\"pass\":\"pb\"}");
            b.send("SUB x.1 1\r\nSUB y.1 2\r\nPING\r\n");
            assertEquals("PONG", b.readLine());

            Permissions xOnly = new Permissions(null, SubjectPermission.allowing(List.of("x.>")), null);
            ServerOptions next = server.server().options().toBuilder()
                    .authorization(users(new User("a", "changed", null), new User("b", "pb", xOnly))).build();
            server.server().reload(next);

            assertEquals("-ERR 'Authorization Violation'\r\n", a.readUntilClosed(WAIT));
            assertEquals("-ERR 'Permissions Violation for Subscription to \"y.1\" (sid \"2\")'", b.readLine());
            b.send("PUB y.1 1\r\nn\r\nPUB x.1 1\r\ny\r\nPING\r\n");
            assertEquals("MSG x.1 1 1", b.readLine(), "the revoked subscription gets nothing, the kept one does");
            assertEquals("y", b.readLine());
            assertEquals("PONG", b.readLine());
            assertEquals(1, server.connectionCountSettlingOn(1, WAIT));

            try (Connection nc = server.connect(o -> o.userInfo("a", "changed"))) {
                nc.flush(WAIT);
            }
        }
    }

    @Test
    void changedPublishPermissionAppliesToAConnectedClient() throws Exception {
        try (RunningServer server = RunningServer.start(b -> b.authorization(users(new User("a", "pa", null))));
             RawClient a = new RawClient(server.port())) {
            a.handshake("{\"verbose\":false,\"user\":\"a\",\"pass\":\"pa\"}");
            a.send("SUB orders 1\r\nPUB orders 1\r\n1\r\nPING\r\n");
            assertEquals("MSG orders 1 1", a.readLine());
            assertEquals("1", a.readLine());
            assertEquals("PONG", a.readLine());

            Permissions readOnly = new Permissions(SubjectPermission.allowing(List.of()), null, null);
            server.server().reload(server.server().options().toBuilder()
                    .authorization(users(new User("a", "pa", readOnly))).build());

            // The reload runs on the connection's event loop: poll until the new permissions are in force.
            long deadline = System.nanoTime() + WAIT.toNanos();
            String line;
            do {
                a.send("PUB orders 1\r\n2\r\nPING\r\n");
                line = a.readLine();
                if (line.startsWith("MSG")) {
                    a.readLine();
                    assertEquals("PONG", a.readLine());
                }
            } while (line.startsWith("MSG") && System.nanoTime() < deadline);
            assertEquals("-ERR 'Permissions Violation for Publish to \"orders\"'", line);
            assertEquals("PONG", a.readLine(), "the connection stays open");
        }
    }

    @Test
    void authorizationAddedByReloadRequiresCredentialsOfNewAndConnectedClients() throws Exception {
        try (RunningServer server = RunningServer.start();
             RawClient open = new RawClient(server.port())) {
            open.handshake("{\"verbose\":false}");
            server.server().reload(server.server().options().toBuilder().authorization(AuthConfig.token("t")).build());
            assertEquals("-ERR 'Authorization Violation'\r\n", open.readUntilClosed(WAIT));
            try (RawClient fresh = new RawClient(server.port())) {
                assertTrue(fresh.readLine().contains("\"auth_required\":true"));
                fresh.send("CONNECT {\"verbose\":false,\"auth_token\":\"t\"}\r\nPING\r\n");
                assertEquals("PONG", fresh.readLine());
            }
        }
    }

    @Test
    void limitsApplyToNewConnections() throws Exception {
        try (RunningServer server = RunningServer.start();
             RawClient first = new RawClient(server.port())) {
            first.handshake("{\"verbose\":false}");
            server.server().reload(server.server().options().toBuilder().maxPayload(100).maxConnections(1).build());
            try (RawClient second = new RawClient(server.port())) {
                String info = second.readLine();
                assertTrue(info.contains("\"max_payload\":100,"), info);
                assertEquals("-ERR 'maximum connections exceeded'", second.readLine());
            }
            first.send("PING\r\n");
            assertEquals("PONG", first.readLine(), "the connected client stays");
        }
    }

    @Test
    void portCanNotChangeOnReload() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            ServerOptions moved = server.server().options().toBuilder().port(server.port() + 1).build();
            assertThrows(IllegalArgumentException.class, () -> server.server().reload(moved));
        }
    }
}
