package io.hermod.core.server;

import io.hermod.core.auth.AuthConfig;
import io.hermod.core.auth.Permissions;
import io.hermod.core.auth.SubjectPermission;
import io.hermod.core.auth.User;
import io.hermod.core.transport.WebSocketSettings;
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

/** WebSocket clients get the same authentication and permissions as TCP clients, from the same authorization. */
class WebSocketAuthenticationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Permissions ONLY_ORDERS = new Permissions(
            new SubjectPermission(List.of("orders.>"), List.of()), null, null);

    private static RunningServer start() throws InterruptedException {
        AuthConfig auth = AuthConfig.users(List.of(new User("web", "pw", ONLY_ORDERS)), List.of());
        return RunningServer.start(b -> b.authorization(auth).websocket(WebSocketSettings.plain("127.0.0.1", 0)));
    }

    @Test
    void userAndPasswordAcceptedOverWebsocket() throws Exception {
        try (RunningServer server = start();
             Connection ws = RunningServer.connect(server.websocketUrl(), o -> o.userInfo("web", "pw"));
             Connection tcp = server.connect(o -> o.userInfo("web", "pw"))) {
            Subscription sub = tcp.subscribe("orders.new");
            tcp.flush(WAIT);
            ws.publish("orders.new", "from ws".getBytes(StandardCharsets.UTF_8));
            Message msg = sub.nextMessage(WAIT);
            assertNotNull(msg, "a websocket user's publish reaches a TCP user");
            assertEquals("from ws", new String(msg.getData(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void wrongPasswordRefusedOverWebsocketWithAuthorizationViolation() throws Exception {
        QuietErrorListener errors = new QuietErrorListener();
        try (RunningServer server = start()) {
            assertThrows(Exception.class, () -> RunningServer.connect(server.websocketUrl(),
                    o -> o.userInfo("web", "wrong").errorListener(errors)));
            assertEquals("Authorization Violation", errors.nextError(WAIT));
        }
    }

    @Test
    void publishPermissionViolationIsReportedAndTheWebsocketConnectionStaysOpen() throws Exception {
        QuietErrorListener errors = new QuietErrorListener();
        try (RunningServer server = start();
             Connection ws = RunningServer.connect(server.websocketUrl(),
                     o -> o.userInfo("web", "pw").errorListener(errors))) {
            Subscription sub = ws.subscribe("orders.>");
            ws.publish("payments.new", "denied".getBytes(StandardCharsets.UTF_8));
            ws.flush(WAIT);
            assertEquals("Permissions Violation for Publish to \"payments.new\"", errors.nextError(WAIT));
            ws.publish("orders.after", "still open".getBytes(StandardCharsets.UTF_8));
            Message msg = sub.nextMessage(WAIT);
            assertNotNull(msg, "the connection must stay usable after a permissions violation");
            assertEquals("orders.after", msg.getSubject());
            assertEquals(Connection.Status.CONNECTED, ws.getStatus());
        }
    }
}
