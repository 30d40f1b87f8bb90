package io.hermod.consumers.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.hermod.store.api.GoJson;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.Subscription;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.hermod.consumers.engine.RetentionTest.awaitTrue;
import static io.hermod.consumers.engine.RetentionTest.bytes;
import static io.hermod.consumers.engine.RetentionTest.durable;
import static io.hermod.consumers.engine.RetentionTest.fetch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Messages the stream's limits remove count as {@code +TERM} for the consumers that had them pending, as in
 * nats-server 2.9.10 ({@code storeUpdates} → {@code decStreamPending} → {@code processTerm}): no longer pending,
 * never redelivered, the ack floor moves, a MSG_TERMINATED advisory goes out.
 */
class LimitRemovalTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path store;

    @Test
    void pendingMessagesRemovedByMaxMsgsAreTerminatedWithTheAdvisory() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            jsm.addStream(StreamConfiguration.builder().name("L").subjects("l.>").maxMessages(2).build());
            durable(jsm, "L", "A", "", AckPolicy.Explicit);
            Subscription advisories = nc.subscribe(ConsumerAdvisories.TERMINATED + "L.A");
            nc.flush(WAIT);
            JetStream js = nc.jetStream();
            js.publish("l.a", bytes("m1"));
            js.publish("l.a", bytes("m2"));
            fetch(js, "L", "A", 2); // both pending
            js.publish("l.a", bytes("m3"));
            js.publish("l.a", bytes("m4")); // max_msgs removes 1 and 2

            List<Long> terminated = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Message advisory = advisories.nextMessage(WAIT);
                assertNotNull(advisory, "advisory " + i);
                JsonNode json = GoJson.mapper().readTree(advisory.getData());
                assertEquals("io.nats.jetstream.advisory.v1.terminated", json.path("type").asText());
                assertEquals(1, json.path("deliveries").asLong());
                terminated.add(json.path("stream_seq").asLong());
            }
            assertEquals(List.of(1L, 2L), terminated);
            ConsumerInfo info = jsm.getConsumerInfo("L", "A");
            assertEquals(0, info.getNumAckPending());
            assertEquals(2, info.getAckFloor().getStreamSequence());
            assertEquals(2, info.getAckFloor().getConsumerSequence());
            assertEquals(2, info.getNumPending());

            List<Message> next = fetch(js, "L", "A", 2);
            assertEquals(List.of(3L, 4L), next.stream().map(m -> m.metaData().streamSequence()).toList());
            assertEquals(1, next.get(0).metaData().deliveredCount());
        }
    }

    @Test
    void pendingMessagesDroppedByMaxMsgsLoweredInAnUpdateAreTerminatedWithTheAdvisory() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            StreamConfiguration config = StreamConfiguration.builder().name("U").subjects("u.>").build();
            jsm.addStream(config);
            durable(jsm, "U", "A", "", AckPolicy.Explicit);
            Subscription advisories = nc.subscribe(ConsumerAdvisories.TERMINATED + "U.A");
            nc.flush(WAIT);
            JetStream js = nc.jetStream();
            for (int i = 1; i <= 4; i++) {
                js.publish("u.a", bytes("m" + i));
            }
            fetch(js, "U", "A", 3); // 1 to 3 pending, 4 not yet delivered

            jsm.updateStream(StreamConfiguration.builder(config).maxMessages(1).build()); // drops 1 to 3

            List<Long> terminated = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Message advisory = advisories.nextMessage(WAIT);
                assertNotNull(advisory, "advisory " + i);
                terminated.add(GoJson.mapper().readTree(advisory.getData()).path("stream_seq").asLong());
            }
            assertEquals(List.of(1L, 2L, 3L), terminated);
            awaitTrue(() -> figures(jsm, "U").getNumAckPending() == 0);
            ConsumerInfo info = figures(jsm, "U");
            assertEquals(3, info.getAckFloor().getStreamSequence());
            assertEquals(1, info.getNumPending());
            List<Message> next = fetch(js, "U", "A", 1);
            assertEquals(4L, next.get(0).metaData().streamSequence());
            assertEquals(1, next.get(0).metaData().deliveredCount());
        }
    }

    @Test
    void replacedKeyPendingOnAPushConsumerIsTerminatedAndMaxAckPendingLetsTheNextGo() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            jsm.addStream(StreamConfiguration.builder().name("K").subjects("k.>").maxMessagesPerSubject(1).build());
            JetStream js = nc.jetStream();
            JetStreamSubscription push = js.subscribe("k.>", PushSubscribeOptions.builder().durable("H")
                    .configuration(ConsumerConfiguration.builder().ackPolicy(AckPolicy.Explicit).maxAckPending(1)
                            .ackWait(Duration.ofMinutes(1)).build()).build());
            js.publish("k.a", bytes("v1"));
            Message first = push.nextMessage(WAIT);
            assertNotNull(first);
            assertEquals(1, first.metaData().streamSequence());
            js.publish("k.a", bytes("v2")); // replaces v1: +TERM for H, which frees its one ack pending slot
            Message second = push.nextMessage(WAIT);
            assertNotNull(second, "the next message once the replaced one no longer counts as pending");
            assertEquals(2, second.metaData().streamSequence());
            assertEquals(1, second.metaData().deliveredCount());
            ConsumerInfo info = jsm.getConsumerInfo("K", "H");
            assertEquals(1, info.getAckFloor().getStreamSequence());
            assertEquals(1, info.getNumAckPending());
        }
    }

    @Test
    void pendingMessageThatAgesOutIsNoLongerPending() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            jsm.addStream(StreamConfiguration.builder().name("T").subjects("t.>").maxAge(Duration.ofMillis(300))
                    .build());
            durable(jsm, "T", "A", "", AckPolicy.Explicit);
            JetStream js = nc.jetStream();
            js.publish("t.a", bytes("short-lived"));
            fetch(js, "T", "A", 1);
            awaitTrue(() -> figures(jsm, "T").getNumAckPending() == 0);
            ConsumerInfo info = jsm.getConsumerInfo("T", "A");
            assertEquals(0, info.getNumAckPending());
            assertEquals(1, info.getAckFloor().getStreamSequence());
            assertEquals(0, info.getRedelivered());
        }
    }

    private static ConsumerInfo figures(JetStreamManagement jsm, String stream) {
        try {
            return jsm.getConsumerInfo(stream, "A");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
