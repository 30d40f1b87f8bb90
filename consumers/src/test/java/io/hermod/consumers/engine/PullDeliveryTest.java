package io.hermod.consumers.engine;

import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.FetchConsumeOptions;
import io.nats.client.FetchConsumer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.Subscription;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pull consumers as jnats uses them: fetch, iterate, acks of every kind, redelivery, restart. */
class PullDeliveryTest {
    @TempDir
    Path store;

    @Test
    void fetchDeliversInOrderWithSubjectHeadersAndMetadata() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 5);
            Headers headers = new Headers().add("X-Test", "yes");
            js.publish(NatsMessage.builder().subject("s.h").headers(headers).data("with").build());
            JetStreamSubscription sub = js.subscribe("s.>", PullSubscribeOptions.builder().durable("C").build());
            List<Message> first = sub.fetch(3, Duration.ofSeconds(2));
            assertEquals(List.of("m0", "m1", "m2"), bodies(first));
            assertEquals("s.a", first.get(0).getSubject());
            assertEquals(1, first.get(0).metaData().streamSequence());
            assertEquals(1, first.get(0).metaData().consumerSequence());
            assertEquals(1, first.get(0).metaData().deliveredCount());
            assertEquals(5, first.get(0).metaData().pendingCount()); // after it, as nats-server counts
            first.forEach(Message::ack);
            List<Message> rest = sub.fetch(10, Duration.ofMillis(500));
            assertEquals(List.of("m3", "m4", "with"), bodies(rest));
            assertEquals("yes", rest.get(2).getHeaders().getFirst("X-Test"));
            assertEquals("s.h", rest.get(2).getSubject());
            rest.forEach(m -> assertTrue(m.isJetStream()));
            for (Message m : rest) {
                m.ackSync(Duration.ofSeconds(2));
            }
            ConsumerInfo info = nc.jetStreamManagement().getConsumerInfo("S", "C");
            assertEquals(6, info.getDelivered().getStreamSequence());
            assertEquals(6, info.getAckFloor().getStreamSequence());
            assertEquals(0, info.getNumAckPending());
            assertEquals(0, info.getNumPending());
        }
    }

    @Test
    void waitingRequestIsServedWhenAMessageArrives() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 0);
            JetStreamSubscription sub = js.subscribe("s.>", PullSubscribeOptions.builder().durable("C").build());
            Iterator<Message> it = sub.iterate(1, Duration.ofSeconds(5));
            Thread publisher = new Thread(() -> {
                try {
                    // Publish only once the pull request is waiting at the consumer.
                    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                    while (nc.jetStreamManagement().getConsumerInfo("S", "C").getNumWaiting() == 0
                            && System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                    }
                    js.publish("s.late", "late".getBytes(StandardCharsets.UTF_8));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            publisher.start();
            assertTrue(it.hasNext());
            Message m = it.next();
            assertEquals("late", new String(m.getData(), StandardCharsets.UTF_8));
            m.ack();
            publisher.join();
        }
    }

    @Test
    void statusesForNoWaitExpiryAndMaxWaiting() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            setUp(nc, 0);
            nc.jetStreamManagement().addOrUpdateConsumer("S", ConsumerConfiguration.builder().durable("P")
                    .ackPolicy(AckPolicy.Explicit).maxPullWaiting(1).build());
            Subscription inbox = nc.subscribe("in.>");
            nc.publish("$JS.API.CONSUMER.MSG.NEXT.S.P", "in.1", "{\"batch\":1,\"no_wait\":true}".getBytes());
            assertEquals("404 No Messages", status(inbox.nextMessage(Duration.ofSeconds(2))));
            nc.publish("$JS.API.CONSUMER.MSG.NEXT.S.P", "in.2", "{\"batch\":2,\"expires\":300000000}".getBytes());
            nc.publish("$JS.API.CONSUMER.MSG.NEXT.S.P", "in.3", "{\"batch\":1,\"expires\":300000000}".getBytes());
            Message maxWaiting = inbox.nextMessage(Duration.ofSeconds(2));
            assertEquals("in.3", maxWaiting.getSubject());
            assertEquals("409 Exceeded MaxWaiting", status(maxWaiting));
            Message timeout = inbox.nextMessage(Duration.ofSeconds(2));
            assertEquals("in.2", timeout.getSubject());
            assertEquals("408 Request Timeout", status(timeout));
            assertEquals("2", timeout.getHeaders().getFirst("Nats-Pending-Messages"));
            assertEquals("0", timeout.getHeaders().getFirst("Nats-Pending-Bytes"));
        }
    }

    @Test
    void requestBodiesThatAreNotJsonOrExpiredOnArrivalGetAStatusAndNoMessage() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            setUp(nc, 2);
            nc.jetStreamManagement().addOrUpdateConsumer("S", ConsumerConfiguration.builder().durable("P")
                    .ackPolicy(AckPolicy.Explicit).build());
            Subscription inbox = nc.subscribe("in.>");
            nc.publish("$JS.API.CONSUMER.MSG.NEXT.S.P", "in.1", "{\"batch\":".getBytes());
            assertEquals("400 Bad Request - invalid JSON", status(inbox.nextMessage(Duration.ofSeconds(2))));
            nc.publish("$JS.API.CONSUMER.MSG.NEXT.S.P", "in.2", "{\"batch\":1,\"expires\":-5}".getBytes());
            assertEquals("408 Request Timeout", status(inbox.nextMessage(Duration.ofSeconds(2))));
            assertEquals(0, nc.jetStreamManagement().getConsumerInfo("S", "P").getDelivered().getStreamSequence());
        }
    }

    @Test
    void nakTermProgressAndRedeliveryAfterAckWait() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 3);
            nc.jetStreamManagement().addOrUpdateConsumer("S", ConsumerConfiguration.builder().durable("C")
                    .ackPolicy(AckPolicy.Explicit).ackWait(Duration.ofMillis(700)).build());
            JetStreamSubscription sub = js.subscribe(null, PullSubscribeOptions.bind("S", "C"));
            List<Message> got = sub.fetch(3, Duration.ofSeconds(2));
            assertEquals(3, got.size());
            got.get(0).nak();
            got.get(1).term();
            got.get(2).inProgress();
            Message again = sub.fetch(1, Duration.ofSeconds(2)).get(0);
            assertEquals("m0", new String(again.getData(), StandardCharsets.UTF_8));
            assertTrue(again.metaData().deliveredCount() > 1);
            assertEquals(2, again.metaData().deliveredCount());
            again.ack();
            // m2 was only kept alive: without an ack it comes back after ack_wait, redelivered
            Message late = sub.fetch(1, Duration.ofSeconds(3)).get(0);
            assertEquals("m2", new String(late.getData(), StandardCharsets.UTF_8));
            assertEquals(2, late.metaData().deliveredCount());
            late.ack();
            assertTrue(sub.fetch(1, Duration.ofMillis(1200)).isEmpty()); // m1 was terminated
            ConsumerInfo info = nc.jetStreamManagement().getConsumerInfo("S", "C");
            assertEquals(0, info.getNumAckPending());
            assertEquals(3, info.getAckFloor().getStreamSequence());
        }
    }

    @Test
    void maxDeliverStopsRedeliveryAndAdvises() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 1);
            nc.jetStreamManagement().addOrUpdateConsumer("S", ConsumerConfiguration.builder().durable("M")
                    .ackPolicy(AckPolicy.Explicit).ackWait(Duration.ofMillis(200)).maxDeliver(2).build());
            Subscription advisories = nc.subscribe("$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.S.M");
            nc.flush(Duration.ofSeconds(1));
            JetStreamSubscription sub = js.subscribe(null, PullSubscribeOptions.bind("S", "M"));
            assertEquals(1, sub.fetch(1, Duration.ofSeconds(1)).get(0).metaData().deliveredCount());
            assertEquals(2, sub.fetch(1, Duration.ofSeconds(2)).get(0).metaData().deliveredCount());
            Message advisory = advisories.nextMessage(Duration.ofSeconds(3));
            assertNotNull(advisory);
            String json = new String(advisory.getData(), StandardCharsets.UTF_8);
            assertTrue(json.startsWith("{\"type\":\"io.nats.jetstream.advisory.v1.max_deliver\""), json);
            assertTrue(json.contains("\"stream\":\"S\",\"consumer\":\"M\",\"stream_seq\":1,\"deliveries\":2"), json);
            assertTrue(sub.fetch(1, Duration.ofMillis(500)).isEmpty());
        }
    }

    @Test
    void maxAckPendingHoldsNewMessagesBack() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 5);
            nc.jetStreamManagement().addOrUpdateConsumer("S", ConsumerConfiguration.builder().durable("C")
                    .ackPolicy(AckPolicy.Explicit).maxAckPending(2).build());
            JetStreamSubscription sub = js.subscribe(null, PullSubscribeOptions.bind("S", "C"));
            List<Message> got = sub.fetch(5, Duration.ofMillis(500));
            assertEquals(2, got.size());
            got.get(0).ack();
            List<Message> more = sub.fetch(5, Duration.ofMillis(500));
            assertEquals(List.of("m2"), bodies(more));
        }
    }

    @Test
    void fetchBytesEndsBeforeTheMessageThatWouldPassMaxBytesCountingItsAckSubject() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            setUp(nc, 5);
            nc.jetStreamManagement().addOrUpdateConsumer("S", ConsumerConfiguration.builder().durable("C")
                    .ackPolicy(AckPolicy.Explicit).build());
            ConsumerContext consumer = nc.getConsumerContext("S", "C");
            // Each message counts 3 (s.a) + 2 (mN) + its ack subject's 39 bytes: 44; two fit in 100, not three.
            List<Message> first = fetchAll(consumer.fetch(FetchConsumeOptions.builder().maxBytes(100)
                    .expiresIn(2000).build()));
            assertEquals(List.of("m0", "m1"), bodies(first));
            assertEquals(List.of(44L, 44L), first.stream().map(PullDeliveryTest::pullSize).toList());
            List<Message> rest = fetchAll(consumer.fetch(FetchConsumeOptions.builder().maxBytes(1000)
                    .expiresIn(1000).build()));
            assertEquals(List.of("m2", "m3", "m4"), bodies(rest), "the message that did not fit comes next");
        }
    }

    private static long pullSize(Message m) {
        return m.getSubject().length() + m.getReplyTo().length() + m.getData().length;
    }

    private static List<Message> fetchAll(FetchConsumer fetch) throws Exception {
        List<Message> got = new ArrayList<>();
        try (fetch) {
            for (Message m = fetch.nextMessage(); m != null; m = fetch.nextMessage()) {
                m.ack();
                got.add(m);
            }
        }
        return got;
    }

    @Test
    void deliverPoliciesAndFilter() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 0);
            for (String s : List.of("s.a", "s.b", "s.a", "s.c", "s.b")) {
                js.publish(s, s.getBytes(StandardCharsets.UTF_8));
            }
            JetStreamManagement jsm = nc.jetStreamManagement();
            assertEquals(List.of(3L, 4L, 5L), seqs(nc, jsm, ConsumerConfiguration.builder().durable("LPS")
                    .deliverPolicy(DeliverPolicy.LastPerSubject).filterSubject("s.>")));
            assertEquals(List.of(5L), seqs(nc, jsm, ConsumerConfiguration.builder().durable("LAST")
                    .deliverPolicy(DeliverPolicy.Last)));
            assertEquals(List.of(3L, 4L, 5L), seqs(nc, jsm, ConsumerConfiguration.builder().durable("SEQ")
                    .deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(3)));
            assertEquals(List.of(2L, 5L), seqs(nc, jsm, ConsumerConfiguration.builder().durable("FB")
                    .filterSubject("s.b")));
            assertEquals(List.of(), seqs(nc, jsm, ConsumerConfiguration.builder().durable("NEW")
                    .deliverPolicy(DeliverPolicy.New)));
        }
    }

    @Test
    void restartRedeliversOnlyUnacknowledgedMessages() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStream js = setUp(nc, 4);
            JetStreamSubscription sub = js.subscribe("s.>", PullSubscribeOptions.builder().durable("C").build());
            List<Message> got = sub.fetch(4, Duration.ofSeconds(2));
            assertEquals(4, got.size());
            got.get(0).ackSync(Duration.ofSeconds(2));
            got.get(2).ackSync(Duration.ofSeconds(2));
        }
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamSubscription sub = nc.jetStream().subscribe(null, PullSubscribeOptions.bind("S", "C"));
            List<Message> back = sub.fetch(10, Duration.ofSeconds(1));
            assertEquals(List.of("m1", "m3"), bodies(back));
            for (Message m : back) {
                assertEquals(2, m.metaData().deliveredCount());
                m.ackSync(Duration.ofSeconds(2));
            }
            ConsumerInfo info = nc.jetStreamManagement().getConsumerInfo("S", "C");
            assertEquals(4, info.getAckFloor().getStreamSequence());
            assertEquals(0, info.getNumAckPending());
        }
    }

    private static List<Long> seqs(Connection nc, JetStreamManagement jsm, ConsumerConfiguration.Builder b)
            throws Exception {
        ConsumerConfiguration cc = b.ackPolicy(AckPolicy.Explicit).build();
        jsm.addOrUpdateConsumer("S", cc);
        JetStreamSubscription sub = nc.jetStream().subscribe(null,
                PullSubscribeOptions.bind("S", cc.getDurable()));
        List<Long> seqs = new ArrayList<>();
        for (Message m : sub.fetch(10, Duration.ofMillis(300))) {
            seqs.add(m.metaData().streamSequence());
        }
        sub.unsubscribe();
        return seqs;
    }

    private static JetStream setUp(Connection nc, int messages) throws Exception {
        nc.jetStreamManagement().addStream(StreamConfiguration.builder().name("S").subjects("s.>").build());
        JetStream js = nc.jetStream();
        for (int i = 0; i < messages; i++) {
            js.publish("s.a", ("m" + i).getBytes(StandardCharsets.UTF_8));
        }
        return js;
    }

    private static List<String> bodies(List<Message> messages) {
        return messages.stream().map(m -> new String(m.getData(), StandardCharsets.UTF_8)).toList();
    }

    private static String status(Message m) {
        assertNotNull(m);
        assertFalse(m.isJetStream());
        assertNull(m.getReplyTo());
        return m.getStatus().getCode() + " " + m.getStatus().getMessage();
    }
}
