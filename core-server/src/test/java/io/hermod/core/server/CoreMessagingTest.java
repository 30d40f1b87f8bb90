package io.hermod.core.server;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Core NATS messaging through jnats against a real Hermod server. */
class CoreMessagingTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration SHORT = Duration.ofMillis(300);

    private RunningServer server;

    @BeforeEach
    void start() throws Exception {
        server = RunningServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void publishedMessageReachesSubscriberOnAnotherConnection() throws Exception {
        try (Connection sub = server.connect(); Connection pub = server.connect()) {
            Subscription s = sub.subscribe("orders.created");
            sub.flush(WAIT);
            pub.publish("orders.created", bytes("hello"));
            Message m = s.nextMessage(WAIT);
            assertNotNull(m);
            assertEquals("orders.created", m.getSubject());
            assertEquals("hello", new String(m.getData(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void emptyAndLargePayloadsArriveIntact() throws Exception {
        try (Connection nc = server.connect()) {
            Subscription s = nc.subscribe("blob");
            nc.flush(WAIT);
            byte[] large = new byte[512 * 1024];
            for (int i = 0; i < large.length; i++) {
                large[i] = (byte) (i * 31);
            }
            nc.publish("blob", new byte[0]);
            nc.publish("blob", large);
            assertEquals(0, s.nextMessage(WAIT).getData().length);
            assertArrayEquals(large, s.nextMessage(WAIT).getData());
        }
    }

    @Test
    void wildcardsMatchTheirSubjectsAndNothingElse() throws Exception {
        try (Connection nc = server.connect()) {
            Subscription star = nc.subscribe("a.*.c");
            Subscription tail = nc.subscribe("a.>");
            Subscription literal = nc.subscribe("a.b");
            nc.flush(WAIT);
            for (String subject : List.of("a.b.c", "a.b", "a.x.y.z", "a", "b.b.c", "a.b.c.d")) {
                nc.publish(subject, bytes(subject));
            }
            nc.flush(WAIT);
            assertEquals(List.of("a.b.c"), drain(star));
            assertEquals(List.of("a.b.c", "a.b", "a.x.y.z", "a.b.c.d"), drain(tail));
            assertEquals(List.of("a.b"), drain(literal));
        }
    }

    @Test
    void queueGroupDeliversEachMessageOnceAndSpreadsAcrossMembers() throws Exception {
        int members = 4;
        int messages = 400;
        List<Connection> conns = new ArrayList<>();
        List<Subscription> subs = new ArrayList<>();
        try (Connection pub = server.connect()) {
            for (int i = 0; i < members; i++) {
                Connection c = server.connect();
                conns.add(c);
                subs.add(c.subscribe("work", "workers"));
                c.flush(WAIT);
            }
            Subscription plain = pub.subscribe("work");
            pub.flush(WAIT);
            for (int i = 0; i < messages; i++) {
                pub.publish("work", bytes(Integer.toString(i)));
            }
            pub.flush(WAIT);
            Set<String> seen = new HashSet<>();
            int total = 0;
            for (Subscription s : subs) {
                List<String> got = drainData(s);
                assertTrue(got.size() > 0, "every member gets a share");
                total += got.size();
                seen.addAll(got);
            }
            assertEquals(messages, total, "each message exactly once across the group");
            assertEquals(messages, seen.size());
            assertEquals(messages, drain(plain).size(), "a plain subscriber still sees every message");
        } finally {
            for (Connection c : conns) {
                c.close();
            }
        }
    }

    @Test
    void requestGetsTheResponderReply() throws Exception {
        try (Connection responder = server.connect(); Connection requester = server.connect()) {
            Dispatcher d = responder.createDispatcher(m -> responder.publish(m.getReplyTo(),
                    bytes("re:" + new String(m.getData(), StandardCharsets.UTF_8))));
            d.subscribe("service.echo");
            responder.flush(WAIT);
            Message reply = requester.request("service.echo", bytes("ping"), WAIT);
            assertNotNull(reply);
            assertEquals("re:ping", new String(reply.getData(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void requestWithoutRespondersFailsFastWithNoResponders() throws Exception {
        try (Connection requester = server.connect()) {
            CompletableFuture<Message> f = requester.requestWithTimeout("nobody.home", bytes("?"), Duration.ofSeconds(60));
            ExecutionException e = assertThrows(ExecutionException.class, () -> {
                try {
                    f.get(20, TimeUnit.SECONDS);
                } catch (CancellationException c) {
                    throw new ExecutionException(c);
                }
            });
            assertTrue(e.getCause() instanceof CancellationException || String.valueOf(e.getCause()).contains("503"),
                    "no-responders status, not a timeout: " + e.getCause());
        }
    }

    @Test
    void headersRoundTrip() throws Exception {
        try (Connection nc = server.connect()) {
            Subscription s = nc.subscribe("with.headers");
            nc.flush(WAIT);
            Headers h = new Headers().add("X-Trace", "abc123").add("X-Multi", "one", "two");
            nc.publish(NatsMessage.builder().subject("with.headers").headers(h).data(bytes("body")).build());
            Message m = s.nextMessage(WAIT);
            assertNotNull(m);
            assertTrue(m.hasHeaders());
            assertEquals("abc123", m.getHeaders().getFirst("X-Trace"));
            assertEquals(List.of("one", "two"), m.getHeaders().get("X-Multi"));
            assertEquals("body", new String(m.getData(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void unsubscribeWithMaxStopsAfterThatManyMessages() throws Exception {
        try (Connection nc = server.connect()) {
            Subscription s = nc.subscribe("limited");
            s.unsubscribe(3);
            nc.flush(WAIT);
            for (int i = 0; i < 10; i++) {
                nc.publish("limited", bytes(Integer.toString(i)));
            }
            nc.flush(WAIT);
            List<String> got = new ArrayList<>();
            Message m;
            while (got.size() < 10 && (m = nextOrNull(s)) != null) {
                got.add(new String(m.getData(), StandardCharsets.UTF_8));
            }
            assertEquals(List.of("0", "1", "2"), got);
            assertEquals(0, server.server().subscriptionCount(), "the server removed the exhausted subscription");
        }
    }

    @Test
    void echoFalseKeepsOwnMessagesAwayButOthersStillReceive() throws Exception {
        try (Connection quiet = server.connect(b -> b.noEcho()); Connection other = server.connect()) {
            Subscription own = quiet.subscribe("chat");
            Subscription theirs = other.subscribe("chat");
            quiet.flush(WAIT);
            other.flush(WAIT);
            quiet.publish("chat", bytes("from quiet"));
            other.publish("chat", bytes("from other"));
            quiet.flush(WAIT);
            other.flush(WAIT);
            assertEquals(List.of("from other"), drainData(own));
            assertEquals(Set.of("from quiet", "from other"), new HashSet<>(drainData(theirs)));
        }
    }

    @Test
    void payloadOverMaxPayloadIsRefusedByTheClientFromInfo() throws Exception {
        try (RunningServer small = RunningServer.start(b -> b.maxPayload(1024)); Connection nc = small.connect()) {
            assertEquals(1024, nc.getServerInfo().getMaxPayload());
            assertThrows(IllegalArgumentException.class, () -> nc.publish("big", new byte[2048]));
        }
    }

    @Test
    void infoAdvertisesTheFieldsClientsRelyOn() throws Exception {
        try (Connection nc = server.connect()) {
            var info = nc.getServerInfo();
            assertTrue(info.getServerId().startsWith("N") && info.getServerId().length() == 56);
            assertEquals("2.9.10", info.getVersion());
            assertEquals(1, info.getProtocolVersion());
            assertTrue(info.isHeadersSupported());
            assertEquals(1024 * 1024, info.getMaxPayload());
            assertEquals(server.port(), info.getPort());
            assertEquals("127.0.0.1", info.getClientIp());
            assertTrue(info.getClientId() > 0);
        }
    }

    @Test
    void clientFlushIsAnsweredByServerPong() throws Exception {
        try (Connection nc = server.connect()) {
            for (int i = 0; i < 5; i++) {
                nc.flush(WAIT);
            }
            Duration rtt = nc.RTT();
            assertNotNull(rtt);
        }
    }

    /** The next message, or null when none comes or jnats already closed the subscription (UNSUB max). */
    private static Message nextOrNull(Subscription s) throws InterruptedException {
        if (!s.isActive()) {
            return null;
        }
        try {
            return s.nextMessage(SHORT);
        } catch (IllegalStateException inactive) {
            return null;
        }
    }

    private static List<String> drain(Subscription s) throws InterruptedException {
        List<String> subjects = new ArrayList<>();
        Message m;
        while ((m = nextOrNull(s)) != null) {
            subjects.add(m.getSubject());
        }
        return subjects;
    }

    private static List<String> drainData(Subscription s) throws InterruptedException {
        List<String> data = new ArrayList<>();
        Message m;
        while ((m = nextOrNull(s)) != null) {
            data.add(new String(m.getData(), StandardCharsets.UTF_8));
        }
        return data;
    }
}
