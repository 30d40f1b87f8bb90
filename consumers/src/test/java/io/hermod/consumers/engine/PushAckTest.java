package io.hermod.consumers.engine;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.Subscription;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.ReplayPolicy;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.hermod.consumers.engine.PushDeliveryTest.bodies;
import static io.hermod.consumers.engine.PushDeliveryTest.setUp;
import static io.hermod.consumers.engine.PushDeliveryTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Push consumers' acknowledgements: policies, redelivery, max_ack_pending, max_deliver, restart. */
class PushAckTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path store;

    @Test
    void ackPolicyAllAcknowledgesEverythingUpToTheAckedMessage() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 5);
            JetStreamSubscription sub = js.subscribe("s.>", options("A", AckPolicy.All));
            List<Message> got = receive(sub, 5);
            got.get(2).ackSync(WAIT);
            ConsumerInfo info = nc.jetStreamManagement().getConsumerInfo("S", "A");
            assertEquals(3, info.getAckFloor().getStreamSequence());
            assertEquals(3, info.getAckFloor().getConsumerSequence());
            assertEquals(2, info.getNumAckPending());
            assertEquals(5, info.getDelivered().getStreamSequence());
        }
    }

    @Test
    void ackPolicyNoneKeepsNothingPending() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 4);
            JetStreamSubscription sub = js.subscribe("s.>", options("N", AckPolicy.None));
            receive(sub, 4);
            ConsumerInfo info = waitFor(nc, "N", i -> i.getDelivered().getStreamSequence() == 4);
            assertEquals(4, info.getAckFloor().getStreamSequence());
            assertEquals(0, info.getNumAckPending());
            assertEquals(0, info.getNumPending());
        }
    }

    @Test
    void unacknowledgedMessageIsRedeliveredAfterAckWait() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 2);
            JetStreamSubscription sub = js.subscribe("s.>", PushSubscribeOptions.builder().configuration(
                    ConsumerConfiguration.builder().durable("W").ackPolicy(AckPolicy.Explicit)
                            .ackWait(Duration.ofMillis(400)).build()).build());
            List<Message> first = receive(sub, 2);
            first.get(1).ackSync(WAIT);
            Message again = sub.nextMessage(WAIT);
            assertNotNull(again);
            assertEquals("m0", new String(again.getData(), StandardCharsets.UTF_8));
            assertEquals(2, again.metaData().deliveredCount());
            assertEquals(1, again.metaData().streamSequence());
            assertEquals(3, again.metaData().consumerSequence());
            assertEquals(1, nc.jetStreamManagement().getConsumerInfo("S", "W").getRedelivered());
            again.ackSync(WAIT);
            ConsumerInfo info = nc.jetStreamManagement().getConsumerInfo("S", "W");
            assertEquals(0, info.getNumAckPending());
            assertEquals(2, info.getAckFloor().getStreamSequence());
        }
    }

    @Test
    void maxAckPendingHoldsDeliveryUntilAnAck() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 5);
            JetStreamSubscription sub = js.subscribe("s.>", PushSubscribeOptions.builder().configuration(
                    ConsumerConfiguration.builder().durable("M").ackPolicy(AckPolicy.Explicit).maxAckPending(2)
                            .build()).build());
            List<Message> held = receive(sub, 2);
            ConsumerInfo stalled = waitFor(nc, "M", i -> i.getNumAckPending() == 2);
            assertEquals(2, stalled.getDelivered().getStreamSequence());
            assertEquals(3, stalled.getNumPending());
            assertNull(sub.nextMessage(Duration.ofMillis(300)));
            held.get(0).ackSync(WAIT);
            Message third = sub.nextMessage(WAIT);
            assertNotNull(third);
            assertEquals(3, third.metaData().streamSequence());
        }
    }

    @Test
    void maxDeliverStopsRedeliveryAndPublishesTheAdvisory() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 1);
            Subscription advisories = nc.subscribe("$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.S.X");
            nc.flush(WAIT);
            JetStreamSubscription sub = js.subscribe("s.>", PushSubscribeOptions.builder().configuration(
                    ConsumerConfiguration.builder().durable("X").ackPolicy(AckPolicy.Explicit).maxDeliver(2)
                            .backoff(Duration.ofMillis(200)).build()).build());
            Message m1 = sub.nextMessage(WAIT);
            Message m2 = sub.nextMessage(WAIT);
            assertNotNull(m1);
            assertNotNull(m2);
            assertEquals(2, m2.metaData().deliveredCount());
            Message advisory = advisories.nextMessage(WAIT);
            assertNotNull(advisory);
            String json = new String(advisory.getData(), StandardCharsets.UTF_8);
            assertTrue(json.contains("\"stream_seq\":1") && json.contains("\"deliveries\":2"), json);
            assertNull(sub.nextMessage(Duration.ofMillis(300)));
            assertEquals(0, nc.jetStreamManagement().getConsumerInfo("S", "X").getNumAckPending());
        }
    }

    @Test
    void headersOnlyDeliversHeadersAndThePayloadSize() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 1);
            js.publish(NatsMessage.builder().subject("s.h").headers(new Headers().add("X-Test", "yes"))
                    .data("twelve bytes").build());
            JetStreamSubscription sub = js.subscribe("s.>", PushSubscribeOptions.builder().configuration(
                    ConsumerConfiguration.builder().headersOnly(true).build()).build());
            List<Message> got = receive(sub, 2);
            assertEquals(0, got.get(0).getData().length);
            assertEquals("2", got.get(0).getHeaders().getFirst("Nats-Msg-Size"));
            assertEquals("yes", got.get(1).getHeaders().getFirst("X-Test"));
            assertEquals("12", got.get(1).getHeaders().getFirst("Nats-Msg-Size"));
        }
    }

    @Test
    void rateLimitAndOriginalReplayStillDeliverEverythingInOrder() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 20);
            JetStreamSubscription limited = js.subscribe("s.>", PushSubscribeOptions.builder().configuration(
                    ConsumerConfiguration.builder().rateLimit(80_000).build()).build());
            JetStreamSubscription replayed = js.subscribe("s.>", PushSubscribeOptions.builder().configuration(
                    ConsumerConfiguration.builder().replayPolicy(ReplayPolicy.Original).build()).build());
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                expected.add("m" + i);
            }
            assertEquals(expected, bodies(receive(limited, 20)));
            assertEquals(expected, bodies(receive(replayed, 20)));
        }
    }

    @Test
    void durablePushConsumerRedeliversUnacknowledgedMessagesAfterRestart() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 4);
            JetStreamSubscription sub = js.subscribe("s.>", options("R", AckPolicy.Explicit));
            List<Message> got = receive(sub, 4);
            got.get(0).ackSync(WAIT);
            got.get(2).ackSync(WAIT);
        }
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            ConsumerInfo restored = nc.jetStreamManagement().getConsumerInfo("S", "R");
            assertEquals(2, restored.getNumAckPending());
            assertEquals(4, restored.getDelivered().getStreamSequence());
            JetStreamSubscription sub = nc.jetStream().subscribe(null, PushSubscribeOptions.bind("S", "R"));
            List<Message> back = receive(sub, 2);
            assertEquals(List.of("m1", "m3"), bodies(back));
            assertEquals(2, nc.jetStreamManagement().getConsumerInfo("S", "R").getRedelivered());
            for (Message m : back) {
                assertEquals(2, m.metaData().deliveredCount());
                m.ackSync(WAIT);
            }
            ConsumerInfo info = nc.jetStreamManagement().getConsumerInfo("S", "R");
            assertEquals(4, info.getAckFloor().getStreamSequence());
            assertEquals(0, info.getNumAckPending());
            assertEquals(0, info.getRedelivered()); // nats forgets redelivery counts once acknowledged
        }
    }

    private static PushSubscribeOptions options(String durable, AckPolicy policy) {
        return PushSubscribeOptions.builder().durable(durable)
                .configuration(ConsumerConfiguration.builder().ackPolicy(policy).build()).build();
    }

    private static List<Message> receive(JetStreamSubscription sub, int count) throws InterruptedException {
        List<Message> got = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message m = sub.nextMessage(WAIT);
            assertNotNull(m, "message " + i);
            got.add(m);
        }
        return got;
    }
}
