package io.hermod.core.client;

import io.hermod.core.server.HermodServer;
import io.hermod.core.server.ServerOptions;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link InProcessConnection#send} routes by one subject and shows another; {@code hasInterest} sees wildcards. */
class InProcessSendTest {

    @Test
    void sendReachesTheInboxUnderTheMessageSubject() throws Exception {
        try (HermodServer server = new HermodServer(ServerOptions.builder().host("127.0.0.1").port(0).build())
                .start();
             Connection nc = Nats.connect(new Options.Builder().server("nats://127.0.0.1:" + server.port())
                     .maxReconnects(0).build());
             InProcessConnection local = server.connectInProcess("test")) {
            assertFalse(local.hasInterest("inbox.1"));
            Subscription sub = nc.subscribe("inbox.*");
            nc.flush(Duration.ofSeconds(5));
            assertTrue(local.hasInterest("inbox.1"));
            assertEquals(1, local.send("inbox.1", "orders.new", "ack.here", null,
                    "x".getBytes(StandardCharsets.UTF_8)));
            io.nats.client.Message m = sub.nextMessage(Duration.ofSeconds(5));
            assertNotNull(m);
            assertEquals("orders.new", m.getSubject());
            assertEquals("ack.here", m.getReplyTo());
            assertEquals(0, local.send("elsewhere", "orders.new", null, null, new byte[0]));
        }
    }

    @Test
    void queueInterestIsThatOfTheNamedGroupOnly() throws Exception {
        try (HermodServer server = new HermodServer(ServerOptions.builder().host("127.0.0.1").port(0).build())
                .start();
             Connection nc = Nats.connect(new Options.Builder().server("nats://127.0.0.1:" + server.port())
                     .maxReconnects(0).build());
             InProcessConnection local = server.connectInProcess("test")) {
            Subscription plain = nc.subscribe("deliver.a");
            nc.flush(Duration.ofSeconds(5));
            assertTrue(local.hasInterest("deliver.a"));
            assertFalse(local.hasQueueInterest("deliver.a", "workers"));
            Subscription member = nc.subscribe("deliver.*", "workers");
            nc.flush(Duration.ofSeconds(5));
            assertTrue(local.hasQueueInterest("deliver.a", "workers"));
            assertFalse(local.hasQueueInterest("deliver.a", "others"));
            member.unsubscribe();
            plain.unsubscribe();
            nc.flush(Duration.ofSeconds(5));
            assertFalse(local.hasQueueInterest("deliver.a", "workers"));
            assertFalse(local.hasInterest("deliver.a"));
        }
    }
}
