package io.hermod.consumers.engine;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.Subscription;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.hermod.consumers.engine.PushDeliveryTest.setUp;
import static io.hermod.consumers.engine.PushDeliveryTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Push consumers' flow control, idle heartbeats and interest, as nats-server 2.9.10 does them. */
class PushFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path store;

    @Test
    void flowControlOverThousandsOfMessagesLosesNothingAndTheClientAnswers() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        ErrorListener listener = new ErrorListener() {
            @Override
            public void flowControlProcessed(Connection conn, JetStreamSubscription sub, String subject,
                                             FlowControlSource source) {
                answered.incrementAndGet();
            }
        };
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect(listener)) {
            JetStream js = setUp(nc, 0);
            int count = 3000;
            byte[] payload = new byte[2048];
            for (int i = 0; i < count; i++) {
                payload[0] = (byte) i;
                js.publishAsync("s.a", payload.clone());
            }
            PushDeliveryTest.waitForStream(nc, count);
            ConsumerConfiguration cc = ConsumerConfiguration.builder().durable("F").ackPolicy(AckPolicy.None)
                    .flowControl(Duration.ofSeconds(1)).build();
            JetStreamSubscription sub = js.subscribe("s.>", PushSubscribeOptions.builder().configuration(cc).build());
            for (int i = 0; i < count; i++) {
                Message m = sub.nextMessage(WAIT);
                assertNotNull(m, "message " + i);
                assertEquals(i + 1, m.metaData().streamSequence());
                assertEquals(i + 1, m.metaData().consumerSequence());
            }
            // 6 MB at a first window of 2 MiB (requests past half of it) needs several answers
            assertTrue(answered.get() >= 2, "flow control answers: " + answered.get());
            ConsumerInfo info = waitFor(nc, "F", i -> i.getDelivered().getStreamSequence() == count);
            assertEquals(0, info.getNumPending());
        }
    }

    @Test
    void unansweredFlowControlStallsDeliveryAndHeartbeatsSayStalled() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 0);
            byte[] payload = new byte[64 * 1024];
            for (int i = 0; i < 40; i++) {
                js.publish("s.a", payload);
            }
            Subscription raw = nc.subscribe("fc.in");
            nc.flush(WAIT);
            JetStreamManagement jsm = nc.jetStreamManagement();
            jsm.addOrUpdateConsumer("S", ConsumerConfiguration.builder().durable("R").deliverSubject("fc.in")
                    .ackPolicy(AckPolicy.None).flowControl(Duration.ofMillis(200)).build());
            int messages = 0;
            String fcReply = null;
            String stalled = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (stalled == null && System.nanoTime() < deadline) {
                Message m = raw.nextMessage(WAIT);
                assertNotNull(m);
                if (m.isJetStream()) {
                    messages++;
                } else if (m.getStatus().isFlowControl()) {
                    assertNull(fcReply, "one flow control request at a time");
                    fcReply = m.getReplyTo();
                    assertTrue(fcReply.startsWith("$JS.FC.S.R."), fcReply);
                } else if (m.getStatus().isHeartbeat()) {
                    stalled = m.getHeaders().getFirst("Nats-Consumer-Stalled");
                    assertEquals(String.valueOf(messages), m.getHeaders().getFirst("Nats-Last-Consumer"));
                    assertEquals(String.valueOf(messages), m.getHeaders().getFirst("Nats-Last-Stream"));
                }
            }
            assertNotNull(fcReply);
            assertEquals(fcReply, stalled);
            // past a 2 MiB window of 64 KiB messages, delivery stopped short of the 40
            assertTrue(messages > 16 && messages < 40, "delivered before the stall: " + messages);
            nc.publish(fcReply, null);
            for (int i = messages; i < 40; ) {
                Message m = raw.nextMessage(WAIT);
                assertNotNull(m, "message after the answer " + i);
                if (m.isJetStream()) {
                    i++;
                    assertEquals(i, m.metaData().streamSequence());
                }
            }
        }
    }

    @Test
    void idleHeartbeatsCarryTheLastSequencesOnlyWhileSubscribed() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            setUp(nc, 2);
            Subscription raw = nc.subscribe("hb.in");
            nc.flush(WAIT);
            nc.jetStreamManagement().addOrUpdateConsumer("S", ConsumerConfiguration.builder().durable("H")
                    .deliverSubject("hb.in").ackPolicy(AckPolicy.Explicit).idleHeartbeat(Duration.ofMillis(100))
                    .build());
            List<Message> got = new ArrayList<>();
            Message heartbeat = null;
            while (heartbeat == null) {
                Message m = raw.nextMessage(WAIT);
                assertNotNull(m);
                if (m.isJetStream()) {
                    got.add(m);
                } else {
                    heartbeat = m;
                }
            }
            assertEquals(2, got.size());
            assertTrue(heartbeat.getStatus().isHeartbeat());
            assertEquals(100, heartbeat.getStatus().getCode());
            assertEquals("hb.in", heartbeat.getSubject());
            assertNull(heartbeat.getReplyTo());
            assertEquals("2", heartbeat.getHeaders().getFirst("Nats-Last-Consumer"));
            assertEquals("2", heartbeat.getHeaders().getFirst("Nats-Last-Stream"));
            assertNull(heartbeat.getHeaders().getFirst("Nats-Consumer-Stalled"));
            raw.unsubscribe();
            waitFor(nc, "H", i -> !i.isPushBound());
        }
    }

    @Test
    void deliveryPausesWithoutInterestAndResumesWithASubscriber() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 3);
            JetStreamManagement jsm = nc.jetStreamManagement();
            jsm.addOrUpdateConsumer("S", ConsumerConfiguration.builder().durable("I").deliverSubject("in.i")
                    .ackPolicy(AckPolicy.None).build());
            ConsumerInfo idle = jsm.getConsumerInfo("S", "I");
            assertFalse(idle.isPushBound());
            assertEquals(0, idle.getDelivered().getStreamSequence());
            assertEquals(3, idle.getNumPending());
            Subscription raw = nc.subscribe("in.i");
            for (int i = 1; i <= 3; i++) {
                Message m = raw.nextMessage(WAIT);
                assertNotNull(m, "message " + i);
                assertEquals(i, m.metaData().streamSequence());
            }
            assertTrue(jsm.getConsumerInfo("S", "I").isPushBound());
            raw.unsubscribe();
            waitFor(nc, "I", i -> !i.isPushBound());
            js.publish("s.a", "while away".getBytes(StandardCharsets.UTF_8));
            ConsumerInfo away = jsm.getConsumerInfo("S", "I");
            assertEquals(3, away.getDelivered().getStreamSequence());
            assertEquals(1, away.getNumPending());
            Subscription again = nc.subscribe("in.i");
            Message back = again.nextMessage(WAIT);
            assertNotNull(back);
            assertEquals("while away", new String(back.getData(), StandardCharsets.UTF_8));
            assertEquals(4, back.metaData().consumerSequence());
        }
    }

    @Test
    void ephemeralPushConsumerIsRemovedAfterItsInactiveThresholdWithoutInterest() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 1);
            JetStreamSubscription sub = js.subscribe("s.>", PushSubscribeOptions.builder().configuration(
                    ConsumerConfiguration.builder().inactiveThreshold(Duration.ofMillis(300)).build()).build());
            assertNotNull(sub.nextMessage(WAIT));
            String name = sub.getConsumerName();
            JetStreamManagement jsm = nc.jetStreamManagement();
            assertTrue(jsm.getConsumerInfo("S", name).isPushBound());
            sub.unsubscribe();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (jsm.getConsumerNames("S").contains(name)) {
                assertTrue(System.nanoTime() < deadline, "ephemeral consumer still there");
                Thread.sleep(20);
            }
            JetStreamApiException gone = assertThrows(JetStreamApiException.class,
                    () -> jsm.getConsumerInfo("S", name));
            assertEquals(10014, gone.getApiErrorCode());
        }
    }

    @Test
    void aSecondSubscriberCannotBindABoundDurableAndAnUnboundOneCan() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 1);
            PushSubscribeOptions opts = PushSubscribeOptions.builder().durable("B").build();
            JetStreamSubscription first = js.subscribe("s.>", opts);
            assertNotNull(first.nextMessage(WAIT));
            IllegalArgumentException bound = assertThrows(IllegalArgumentException.class,
                    () -> js.subscribe("s.>", opts));
            assertTrue(bound.getMessage().contains("Consumer is already bound"), bound.getMessage());
            first.unsubscribe();
            waitFor(nc, "B", i -> !i.isPushBound());
            JetStreamSubscription second = js.subscribe("s.>", opts);
            js.publish("s.a", "next".getBytes(StandardCharsets.UTF_8));
            Message m = second.nextMessage(WAIT);
            assertNotNull(m);
            assertEquals(2, m.metaData().streamSequence());
        }
    }
}
