package io.hermod.core.server;

import io.hermod.core.auth.AuthConfig;
import io.hermod.core.auth.PermissionDeniedException;
import io.hermod.core.auth.Permissions;
import io.hermod.core.auth.ResponsePermission;
import io.hermod.core.auth.SubjectPermission;
import io.hermod.core.auth.User;
import io.hermod.core.client.InProcessConnection;
import io.hermod.core.client.Message;
import io.nats.client.Connection;
import io.nats.client.Subscription;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-user publish/subscribe permissions and response permissions, over sockets and in process. */
class PermissionsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PUB_DENIED = "-ERR 'Permissions Violation for Publish to \"%s\"'";

    private static AuthConfig users(User... users) {
        return AuthConfig.users(List.of(users), List.of());
    }

    private static User user(String name, Permissions permissions) {
        return new User(name, "pw", permissions);
    }

    private static String login(String name) {
        return "{\"verbose\":false,\"user\":\"" + name + "\",\"pass\":\"pw\"}";
    }

    @Test
    void denyWinsOverAllowAndTheConnectionStaysOpen() throws Exception {
        Permissions p = new Permissions(new SubjectPermission(List.of("orders.>"), List.of("orders.secret")), null, null);
        try (RunningServer server = RunningServer.start(b -> b.authorization(users(user("a", p), user("watch", null))));
             RawClient raw = new RawClient(server.port());
             Connection watcher = server.connect(o -> o.userInfo("watch", "pw"))) {
            Subscription all = watcher.subscribe(">");
            watcher.flush(WAIT);
            raw.handshake(login("a"));
            raw.send("PUB orders.secret 1\r\nx\r\nPUB elsewhere 1\r\nx\r\nPUB orders.new 1\r\ny\r\nPING\r\n");
            assertEquals(String.format(PUB_DENIED, "orders.secret"), raw.readLine());
            assertEquals(String.format(PUB_DENIED, "elsewhere"), raw.readLine());
            assertEquals("PONG", raw.readLine());
            io.nats.client.Message first = all.nextMessage(WAIT);
            assertEquals("orders.new", first.getSubject(), "denied publishes are dropped, allowed ones routed");
        }
    }

    @Test
    void subscriptionAndQueueSubscriptionDenied() throws Exception {
        Permissions p = new Permissions(null, new SubjectPermission(List.of("ok.*"), List.of("ok.no")), null);
        try (RunningServer server = RunningServer.start(b -> b.authorization(users(user("a", p))));
             RawClient raw = new RawClient(server.port())) {
            raw.handshake(login("a"));
            raw.send("SUB ok.no 1\r\nSUB ok.no workers 2\r\nSUB other workers 3\r\nSUB ok.yes workers 4\r\n"
                    + "PUB ok.yes 1\r\nz\r\nPUB ok.no 1\r\nz\r\nPING\r\n");
            assertEquals("-ERR 'Permissions Violation for Subscription to \"ok.no\"'", raw.readLine());
            assertEquals("-ERR 'Permissions Violation for Subscription to \"ok.no\" using queue \"workers\"'",
                    raw.readLine());
            assertEquals("-ERR 'Permissions Violation for Subscription to \"other\" using queue \"workers\"'",
                    raw.readLine());
            assertEquals("MSG ok.yes 4 1", raw.readLine());
            assertEquals("z", raw.readLine());
            assertEquals("PONG", raw.readLine(), "no MSG for the denied subscriptions");
            assertEquals(1, server.server().subscriptionCount());
        }
    }

    @Test
    void responderMayAnswerAtMostMaxTimes() throws Exception {
        Permissions responder = new Permissions(null, SubjectPermission.allowing(List.of("svc")),
                new ResponsePermission(2, Duration.ofMinutes(1)));
        try (RunningServer server = RunningServer.start(b -> b.authorization(users(user("r", responder), user("c", null))));
             RawClient service = new RawClient(server.port());
             Connection client = server.connect(o -> o.userInfo("c", "pw"))) {
            service.handshake(login("r"));
            service.send("SUB svc 1\r\nPUB _INBOX.early 1\r\nx\r\nPING\r\n");
            assertEquals(String.format(PUB_DENIED, "_INBOX.early"), service.readLine(), "no request yet");
            assertEquals("PONG", service.readLine());

            Subscription replies = client.subscribe("reply.1");
            client.publish("svc", "reply.1", "q".getBytes());
            client.flush(WAIT);
            assertEquals("MSG svc 1 reply.1 1", service.readLine());
            assertEquals("q", service.readLine());
            service.send("PUB reply.1 2\r\na1\r\nPUB reply.1 2\r\na2\r\nPUB reply.1 2\r\na3\r\nPING\r\n");
            assertEquals(String.format(PUB_DENIED, "reply.1"), service.readLine());
            assertEquals("PONG", service.readLine());
            assertEquals("a1", new String(replies.nextMessage(WAIT).getData()));
            assertEquals("a2", new String(replies.nextMessage(WAIT).getData()));
            client.flush(WAIT);
            assertNull(replies.nextMessage(Duration.ofMillis(50)), "the third answer was dropped");
        }
    }

    @Test
    void responderGrantExpires() throws Exception {
        Duration expires = Duration.ofMillis(150);
        Permissions responder = new Permissions(null, SubjectPermission.allowing(List.of("svc")),
                new ResponsePermission(1_000_000, expires));
        try (RunningServer server = RunningServer.start(b -> b.authorization(users(user("r", responder), user("c", null))));
             RawClient service = new RawClient(server.port());
             Connection client = server.connect(o -> o.userInfo("c", "pw"))) {
            service.handshake(login("r"));
            service.send("SUB svc 1\r\nPING\r\n");
            assertEquals("PONG", service.readLine());
            // Taken before the request: the server grants the reply no earlier than this, so expiry is after it.
            long received = System.nanoTime();
            client.publish("svc", "reply.2", "q".getBytes());
            client.flush(WAIT);
            assertEquals("MSG svc 1 reply.2 1", service.readLine());
            assertEquals("q", service.readLine());
            // Answer until the grant runs out; it must run out, and not before it expired.
            long deadline = received + WAIT.toNanos();
            String line = "PONG";
            int answered = 0;
            while (line.equals("PONG") && System.nanoTime() < deadline) {
                service.send("PUB reply.2 1\r\nr\r\nPING\r\n");
                line = service.readLine();
                if (line.equals("PONG")) {
                    answered++;
                }
            }
            long deniedAfter = System.nanoTime() - received;
            assertEquals(String.format(PUB_DENIED, "reply.2"), line);
            assertTrue(answered >= 1, "the first answer is within the grant");
            assertTrue(deniedAfter >= expires.toNanos(), "denied only after expiry: " + deniedAfter + "ns");
        }
    }

    @Test
    void inProcessSubscriberDoesNotSeeDeniedPublish() throws Exception {
        Permissions p = new Permissions(new SubjectPermission(null, List.of("$JS.API.STREAM.CREATE.>")), null, null);
        try (RunningServer server = RunningServer.start(b -> b.authorization(users(user("app", p))));
             InProcessConnection jetstream = server.server().connectInProcess("jetstream");
             Connection app = server.connect(o -> o.userInfo("app", "pw"))) {
            BlockingQueue<Message> seen = new LinkedBlockingQueue<>();
            jetstream.subscribe("$JS.API.>", null, seen::add);
            app.publish("$JS.API.STREAM.CREATE.X", "{}".getBytes());
            app.publish("$JS.API.INFO", "{}".getBytes());
            app.flush(WAIT);
            Message first = seen.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(first);
            assertEquals("$JS.API.INFO", first.subject(), "the denied create never reached the in-process subscriber");
            assertTrue(seen.isEmpty(), String.valueOf(seen));
        }
    }

    @Test
    void restrictedInProcessConnectionIsRefused() throws Exception {
        Permissions p = new Permissions(SubjectPermission.allowing(List.of("in.>")),
                SubjectPermission.allowing(List.of("in.>")), null);
        try (RunningServer server = RunningServer.start();
             InProcessConnection restricted = server.server().connectInProcess("user-bound", p)) {
            BlockingQueue<Message> seen = new LinkedBlockingQueue<>();
            restricted.subscribe("in.>", null, seen::add);
            assertEquals(1, restricted.publish("in.x", null, null, "a".getBytes()));
            assertEquals("in.x", seen.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS).subject());
            assertThrows(PermissionDeniedException.class, () -> restricted.publish("out", null, null, new byte[0]));
            assertThrows(PermissionDeniedException.class, () -> restricted.subscribe("out.>", null, seen::add));
        }
    }
}
