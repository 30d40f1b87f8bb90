package io.hermod.core.client;

import io.hermod.core.server.HermodServer;
import io.hermod.core.server.ServerOptions;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-process client and socket clients see each other's messages. */
class InProcessConnectionTest {
    private HermodServer server;
    private Connection nc;

    @BeforeEach
    void start() throws Exception {
        server = new HermodServer(ServerOptions.builder().host("127.0.0.1").port(0).build()).start();
        nc = Nats.connect(new Options.Builder().server("nats://127.0.0.1:" + server.port()).maxReconnects(0).build());
    }

    @AfterEach
    void stop() throws Exception {
        nc.close();
        server.close();
    }

    @Test
    void inProcessSubscriberReceivesSocketPublishWithReplyAndHeaders() throws Exception {
        BlockingQueue<Message> got = new ArrayBlockingQueue<>(10);
        try (InProcessConnection local = server.connectInProcess("test")) {
            local.subscribe("svc.>", null, got::add);
            io.nats.client.impl.Headers h = new io.nats.client.impl.Headers().add("K", "v");
            nc.publish(io.nats.client.impl.NatsMessage.builder().subject("svc.a").replyTo("back")
                    .headers(h).data("hi".getBytes(StandardCharsets.UTF_8)).build());
            nc.flush(Duration.ofSeconds(5));
            Message m = got.poll(5, TimeUnit.SECONDS);
            assertNotNull(m);
            assertEquals("svc.a", m.subject());
            assertEquals("back", m.replyTo());
            String headers = new String(m.headers(), StandardCharsets.US_ASCII);
            assertTrue(headers.startsWith("NATS/1.0\r\n") && headers.endsWith("\r\n\r\n"), headers);
            assertTrue(headers.contains("K:v") || headers.contains("K: v"), headers);
            assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), m.payload());
        }
    }

    @Test
    void socketSubscriberReceivesInProcessPublish() throws Exception {
        Subscription s = nc.subscribe("events.*");
        nc.flush(Duration.ofSeconds(5));
        try (InProcessConnection local = server.connectInProcess("test")) {
            byte[] headers = "NATS/1.0\r\nSource: local\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            assertEquals(1, local.publish("events.one", null, headers, "payload".getBytes(StandardCharsets.UTF_8)));
            io.nats.client.Message m = s.nextMessage(Duration.ofSeconds(5));
            assertNotNull(m);
            assertEquals("local", m.getHeaders().getFirst("Source"));
            assertEquals("payload", new String(m.getData(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void unsubscribedInProcessHandlerGetsNothingMore() throws Exception {
        BlockingQueue<Message> got = new ArrayBlockingQueue<>(10);
        try (InProcessConnection local = server.connectInProcess("test")) {
            var sub = local.subscribe("x", null, got::add);
            local.publish("x", null, null, new byte[] {1});
            local.unsubscribe(sub);
            assertEquals(0, local.publish("x", null, null, new byte[] {2}));
            assertEquals(1, got.poll(5, TimeUnit.SECONDS).payload()[0]);
            assertNull(got.poll(100, TimeUnit.MILLISECONDS));
        }
    }
}
