package io.hermod.consumers.engine;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Push consumers as jnats uses them: sync and dispatcher subscriptions, queue groups, ordered consumers. */
class PushDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path store;

    @Test
    void syncSubscriptionGetsMessagesInOrderWithMetadataAndHeaders() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 3);
            js.publish(NatsMessage.builder().subject("s.h").headers(new Headers().add("X-Test", "yes"))
                    .data("with").build());
            JetStreamSubscription sub = js.subscribe("s.>", PushSubscribeOptions.builder().durable("P")
                    .configuration(ConsumerConfiguration.builder().ackPolicy(AckPolicy.Explicit).build()).build());
            List<Message> got = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Message m = sub.nextMessage(WAIT);
                assertNotNull(m, "message " + i);
                got.add(m);
            }
            assertEquals(List.of("m0", "m1", "m2", "with"), bodies(got));
            for (int i = 0; i < 4; i++) {
                assertEquals(i + 1, got.get(i).metaData().streamSequence());
                assertEquals(i + 1, got.get(i).metaData().consumerSequence());
                assertEquals(3 - i, got.get(i).metaData().pendingCount());
            }
            assertEquals("s.h", got.get(3).getSubject());
            assertEquals("yes", got.get(3).getHeaders().getFirst("X-Test"));
            ConsumerInfo bound = nc.jetStreamManagement().getConsumerInfo("S", "P");
            assertTrue(bound.isPushBound());
            assertEquals(4, bound.getNumAckPending());
            for (Message m : got) {
                m.ackSync(WAIT);
            }
            js.publish("s.a", "later".getBytes(StandardCharsets.UTF_8));
            Message later = sub.nextMessage(WAIT);
            assertNotNull(later);
            assertEquals("later", new String(later.getData(), StandardCharsets.UTF_8));
            later.ackSync(WAIT);
            ConsumerInfo info = nc.jetStreamManagement().getConsumerInfo("S", "P");
            assertEquals(5, info.getDelivered().getStreamSequence());
            assertEquals(5, info.getAckFloor().getStreamSequence());
            assertEquals(0, info.getNumAckPending());
            assertEquals(0, info.getNumPending());
            assertEquals(sub.getConsumerInfo().getConsumerConfiguration().getDeliverSubject(),
                    info.getConsumerConfiguration().getDeliverSubject());
        }
    }

    @Test
    void dispatcherSubscriptionAutoAcksEverything() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 50);
            CountDownLatch all = new CountDownLatch(60);
            Dispatcher d = nc.createDispatcher();
            js.subscribe("s.>", d, m -> all.countDown(), true, PushSubscribeOptions.builder().durable("D").build());
            for (int i = 50; i < 60; i++) {
                js.publish("s.b", ("m" + i).getBytes(StandardCharsets.UTF_8));
            }
            assertTrue(all.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            ConsumerInfo info = waitFor(nc, "D", i -> i.getNumAckPending() == 0);
            assertEquals(60, info.getAckFloor().getStreamSequence());
        }
    }

    @Test
    void queueGroupGetsEachMessageExactlyOnce() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 0);
            Set<String> seen = ConcurrentHashMap.newKeySet();
            AtomicInteger deliveries = new AtomicInteger();
            List<AtomicInteger> perMember = List.of(new AtomicInteger(), new AtomicInteger());
            PushSubscribeOptions opts = PushSubscribeOptions.builder().durable("Q").deliverGroup("workers").build();
            for (AtomicInteger counter : perMember) {
                js.subscribe("s.>", "workers", nc.createDispatcher(), m -> {
                    seen.add(new String(m.getData(), StandardCharsets.UTF_8));
                    deliveries.incrementAndGet();
                    counter.incrementAndGet();
                }, true, opts);
            }
            for (int i = 0; i < 200; i++) {
                js.publish("s.a", ("m" + i).getBytes(StandardCharsets.UTF_8));
            }
            waitFor(nc, "Q", i -> i.getAckFloor().getStreamSequence() == 200 && i.getNumAckPending() == 0);
            assertEquals(200, seen.size());
            assertEquals(200, deliveries.get());
            ConsumerInfo info = nc.jetStreamManagement().getConsumerInfo("S", "Q");
            assertEquals("workers", info.getConsumerConfiguration().getDeliverGroup());
            assertTrue(info.isPushBound());
        }
    }

    @Test
    void orderedConsumerReadsTenThousandMessagesInOrder() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 0);
            int count = 10_000;
            for (int i = 0; i < count; i++) {
                js.publishAsync("s.a", ("m" + i).getBytes(StandardCharsets.UTF_8));
            }
            waitForStream(nc, count);
            JetStreamSubscription sub = js.subscribe("s.>", PushSubscribeOptions.builder().ordered(true).build());
            for (int i = 0; i < count; i++) {
                Message m = sub.nextMessage(WAIT);
                assertNotNull(m, "message " + i);
                assertEquals("m" + i, new String(m.getData(), StandardCharsets.UTF_8));
                assertEquals(i + 1, m.metaData().streamSequence());
            }
            assertNull(sub.nextMessage(Duration.ofMillis(200)));
            ConsumerConfiguration cc = sub.getConsumerInfo().getConsumerConfiguration();
            assertEquals(AckPolicy.None, cc.getAckPolicy());
            assertTrue(cc.isFlowControl());
            assertTrue(cc.isMemStorage());
        }
    }

    @Test
    void orderedConsumerRecreatesItsConsumerWhenHeartbeatsStop() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 20);
            JetStreamSubscription sub = js.subscribe("s.>", PushSubscribeOptions.builder().ordered(true)
                    .configuration(ConsumerConfiguration.builder().idleHeartbeat(Duration.ofMillis(500)).build())
                    .build());
            for (int i = 1; i <= 20; i++) {
                Message m = sub.nextMessage(WAIT);
                assertNotNull(m, "message " + i);
                assertEquals(i, m.metaData().streamSequence());
            }
            String first = sub.getConsumerName();
            nc.jetStreamManagement().deleteConsumer("S", first);
            for (int i = 20; i < 30; i++) {
                js.publish("s.a", ("m" + i).getBytes(StandardCharsets.UTF_8));
            }
            // jnats misses the heartbeats, and creates a new consumer from the stream sequence after the last seen
            // (again should a heartbeat come late on a loaded machine: the stream order holds all the same)
            for (int i = 21; i <= 30; i++) {
                Message m = sub.nextMessage(WAIT);
                assertNotNull(m, "message " + i);
                assertEquals(i, m.metaData().streamSequence());
            }
            ConsumerInfo second = currentConsumerInfo(nc, sub);
            assertFalse(first.equals(second.getName()));
            assertEquals(io.nats.client.api.DeliverPolicy.ByStartSequence,
                    second.getConsumerConfiguration().getDeliverPolicy());
            assertTrue(second.getConsumerConfiguration().getStartSequence() > 20);
        }
    }

    /**
     * The info of the consumer an ordered subscription uses now: jnats may recreate it once more (a heartbeat late on
     * a loaded machine) between reading its name and asking for its info, so a vanished name is read again.
     */
    private static ConsumerInfo currentConsumerInfo(Connection nc, JetStreamSubscription sub) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return nc.jetStreamManagement().getConsumerInfo("S", sub.getConsumerName());
            } catch (io.nats.client.JetStreamApiException e) {
                if (e.getApiErrorCode() != 10014 || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    static JetStream setUp(Connection nc, int messages) throws Exception {
        nc.jetStreamManagement().addStream(StreamConfiguration.builder().name("S").subjects("s.>").build());
        JetStream js = nc.jetStream();
        for (int i = 0; i < messages; i++) {
            js.publish("s.a", ("m" + i).getBytes(StandardCharsets.UTF_8));
        }
        return js;
    }

    static void waitForStream(Connection nc, long messages) throws Exception {
        long deadline = System.nanoTime() + WAIT.multipliedBy(6).toNanos();
        while (nc.jetStreamManagement().getStreamInfo("S").getStreamState().getMsgCount() < messages) {
            assertTrue(System.nanoTime() < deadline, "stream did not reach " + messages + " messages");
            Thread.sleep(20);
        }
    }

    static ConsumerInfo waitFor(Connection nc, String consumer, java.util.function.Predicate<ConsumerInfo> condition)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.multipliedBy(2).toNanos();
        while (true) {
            ConsumerInfo info = nc.jetStreamManagement().getConsumerInfo("S", consumer);
            if (condition.test(info)) {
                return info;
            }
            assertTrue(System.nanoTime() < deadline, "consumer never got there: " + info);
            Thread.sleep(20);
        }
    }

    static List<String> bodies(List<Message> messages) {
        return messages.stream().map(m -> new String(m.getData(), StandardCharsets.UTF_8)).toList();
    }
}
