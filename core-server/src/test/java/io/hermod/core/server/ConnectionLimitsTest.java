package io.hermod.core.server;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keepalive, slow consumers, many connections and shutdown, over real sockets. */
class ConnectionLimitsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void clientThatNeverAnswersPingsIsClosedAsStale() throws Exception {
        try (RunningServer server = RunningServer.start(b -> b.pingInterval(Duration.ofMillis(200)).pingMax(2));
             RawClient raw = new RawClient(server.port())) {
            raw.handshake("{\"verbose\":false}");
            String rest = raw.readUntilClosed(WAIT);
            assertTrue(rest.startsWith("PING\r\n"), rest);
            assertTrue(rest.endsWith("-ERR 'Stale Connection'\r\n"), rest);
        }
    }

    @Test
    void clientThatAnswersPingsStaysConnected() throws Exception {
        try (RunningServer server = RunningServer.start(b -> b.pingInterval(Duration.ofMillis(100)).pingMax(1));
             Connection nc = server.connect()) {
            Subscription s = nc.subscribe("alive");
            // jnats answers the server's PINGs; across many intervals the connection must survive.
            for (int i = 0; i < 10; i++) {
                nc.publish("alive", new byte[] {(byte) i});
                assertNotNull(s.nextMessage(WAIT));
                nc.flush(WAIT);
            }
            assertEquals(Connection.Status.CONNECTED, nc.getStatus());
        }
    }

    @Test
    void subscriberThatNeverReadsIsCutOffWhileOthersKeepWorking() throws Exception {
        try (RunningServer server = RunningServer.start(b -> b.maxPending(2 * 1024 * 1024).maxPayload(64 * 1024));
             RawClient stuck = new RawClient(server.port(), 4096);
             Connection healthy = server.connect();
             Connection pub = server.connect()) {
            stuck.handshake("{\"verbose\":false}");
            stuck.send("SUB firehose 1\r\nPING\r\n");
            Subscription ok = healthy.subscribe("firehose");
            healthy.flush(WAIT);
            byte[] payload = new byte[60 * 1024];
            int sent = 0;
            while (server.server().stats().slowConsumers() == 0 && sent < 8000) {
                pub.publish("firehose", payload);
                sent++;
                if (sent % 5 == 0) {
                    pub.flush(WAIT);
                    drainSome(ok);
                }
            }
            assertEquals(1, server.server().stats().slowConsumers(), "the stuck subscriber was cut off");
            Subscription after = healthy.subscribe("after.check");
            healthy.flush(WAIT);
            pub.publish("after.check", "still here".getBytes(StandardCharsets.UTF_8));
            Message m = after.nextMessage(WAIT);
            assertNotNull(m, "other clients keep working");
            assertEquals(2, server.connectionCountSettlingOn(2, WAIT));
        }
    }

    private static void drainSome(Subscription s) throws InterruptedException {
        while (s.nextMessage(Duration.ofMillis(1)) != null) {
            // keep the healthy subscriber's queue short
        }
    }

    @Test
    void thousandConcurrentConnectionsEachReceiveTheBroadcast() throws Exception {
        int clients = 1000;
        try (RunningServer server = RunningServer.start(); Connection pub = server.connect()) {
            List<RawClient> raws = new ArrayList<>();
            try {
                for (int i = 0; i < clients; i++) {
                    RawClient raw = new RawClient(server.port());
                    raws.add(raw);
                    raw.readLine();
                    raw.send("CONNECT {\"verbose\":false}\r\nSUB broadcast " + i + "\r\nPING\r\n");
                }
                for (RawClient raw : raws) {
                    assertEquals("PONG", raw.readLineAnsweringPings());
                }
                assertEquals(clients + 1, server.server().connectionCount());
                pub.publish("broadcast", "to all".getBytes(StandardCharsets.UTF_8));
                pub.flush(WAIT);
                for (int i = 0; i < clients; i++) {
                    RawClient raw = raws.get(i);
                    assertEquals("MSG broadcast " + i + " 6", raw.readLineAnsweringPings());
                    assertEquals("to all", raw.readLine());
                }
            } finally {
                for (RawClient raw : raws) {
                    raw.close();
                }
            }
        }
    }

    @Test
    void gracefulShutdownDeliversEveryAcceptedMessage() throws Exception {
        int messages = 50_000;
        RunningServer server = RunningServer.start();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (RawClient sub = new RawClient(server.port()); Connection pub = server.connect()) {
            sub.handshake("{\"verbose\":false}");
            sub.send("SUB shutdown.test 1\r\nPING\r\n");
            assertEquals("PONG", sub.readLine());
            Future<Integer> counted = reader.submit(() -> MsgFrames.countUntilClosed(sub.input()));
            byte[] payload = new byte[100];
            for (int i = 0; i < messages; i++) {
                pub.publish("shutdown.test", payload);
            }
            pub.flush(WAIT); // the server has read, and so accepted, every message
            server.close();
            assertEquals(messages, counted.get(60, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            server.close();
            reader.shutdownNow();
        }
    }
}
