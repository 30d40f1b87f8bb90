package io.hermod.consumers.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.RetentionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.hermod.consumers.engine.RetentionTest.bytes;
import static io.hermod.consumers.engine.RetentionTest.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consumers across their lives: ephemerals after a restart and after their inactive threshold, a
 * {@code last_per_subject} start list across a restart, and the advisories clients may watch.
 */
class ConsumerLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path store;

    @Test
    void ephemeralOfAFileStreamComesBackAfterARestartWithItsStateAndAMemoryOneDoesNot() throws Exception {
        String kept;
        String lost;
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "E", RetentionPolicy.Limits);
            kept = jsm.addOrUpdateConsumer("E", ConsumerConfiguration.builder().ackPolicy(AckPolicy.Explicit)
                    .inactiveThreshold(Duration.ofMinutes(1)).build()).getName();
            lost = jsm.addOrUpdateConsumer("E", ConsumerConfiguration.builder().ackPolicy(AckPolicy.Explicit)
                    .inactiveThreshold(Duration.ofMinutes(1)).memStorage(true).build()).getName();
            nc.jetStream().publish("e.a", bytes("1"));
            nc.jetStream().publish("e.a", bytes("2"));
            Message m = next(nc, "E", kept);
            nc.request(m.getReplyTo(), bytes("+ACK"), WAIT);
        }
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            assertEquals(List.of(kept), jsm.getConsumerNames("E"), "the mem_storage ephemeral " + lost + " is gone");
            ConsumerInfo info = jsm.getConsumerInfo("E", kept);
            assertEquals(1, info.getAckFloor().getStreamSequence());
            assertEquals(1, info.getNumPending());
            assertEquals(2, next(nc, "E", kept).metaData().streamSequence());
        }
    }

    @Test
    void restoredEphemeralWithoutInterestGoesAfterItsInactiveThreshold() throws Exception {
        String name;
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "E", RetentionPolicy.Limits);
            name = jsm.addOrUpdateConsumer("E", ConsumerConfiguration.builder().ackPolicy(AckPolicy.Explicit)
                    .inactiveThreshold(Duration.ofSeconds(4)).build()).getName();
        }
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            assertEquals(List.of(name), jsm.getConsumerNames("E"), "restored, its threshold counting from now");
            Instant deadline = Instant.now().plusSeconds(20);
            while (!names(jsm, "E").isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertEquals(List.of(), jsm.getConsumerNames("E"));
        }
    }

    @Test
    void lastPerSubjectConsumerGoesOnWithItsStartListAfterARestart() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "P", RetentionPolicy.Limits);
            JetStream js = nc.jetStream();
            js.publish("p.b", bytes("b1")); // 1: last of p.b
            js.publish("p.a", bytes("a1")); // 2: not a last
            js.publish("p.a", bytes("a2")); // 3: last of p.a
            jsm.addOrUpdateConsumer("P", ConsumerConfiguration.builder().durable("L").ackPolicy(AckPolicy.Explicit)
                    .deliverPolicy(DeliverPolicy.LastPerSubject).filterSubject("p.>").build());
            Message first = next(nc, "P", "L");
            assertEquals(1, first.metaData().streamSequence());
            nc.request(first.getReplyTo(), bytes("+ACK"), WAIT);
        }
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            nc.jetStream().publish("p.a", bytes("a3"));
            assertEquals(3, next(nc, "P", "L").metaData().streamSequence(), "a1 is skipped after the restart too");
            assertEquals(4, next(nc, "P", "L").metaData().streamSequence());
        }
    }

    @Test
    void advisoriesReportCreationTerminationSampledAcksAndDeletionInNatsShapes() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            Subscription events = nc.subscribe("$JS.EVENT.>");
            nc.flush(WAIT);
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "V", RetentionPolicy.Limits);
            jsm.addOrUpdateConsumer("V", ConsumerConfiguration.builder().durable("C").ackPolicy(AckPolicy.Explicit)
                    .sampleFrequency("100%").build());
            JsonNode created = event(events, "$JS.EVENT.ADVISORY.CONSUMER.CREATED.V.C");
            assertEquals("io.nats.jetstream.advisory.v1.consumer_action", created.path("type").asText());
            assertEquals("create", created.path("action").asText());
            assertEquals("V", created.path("stream").asText());
            assertEquals("C", created.path("consumer").asText());
            assertEquals(22, created.path("id").asText().length());
            assertTrue(created.path("timestamp").asText().endsWith("Z"));

            nc.jetStream().publish("v.a", bytes("1"));
            nc.jetStream().publish("v.a", bytes("2"));
            Message one = next(nc, "V", "C");
            nc.request(one.getReplyTo(), bytes("+ACK"), WAIT);
            JsonNode ack = event(events, "$JS.EVENT.METRIC.CONSUMER.ACK.V.C");
            assertEquals("io.nats.jetstream.metric.v1.consumer_ack", ack.path("type").asText());
            assertEquals(1, ack.path("stream_seq").asLong());
            assertEquals(1, ack.path("consumer_seq").asLong());
            assertEquals(1, ack.path("deliveries").asLong());
            assertTrue(ack.path("ack_time").asLong() >= 0);

            Message two = next(nc, "V", "C");
            nc.request(two.getReplyTo(), bytes("-NAK"), WAIT);
            JsonNode nak = event(events, "$JS.EVENT.ADVISORY.CONSUMER.MSG_NAKED.V.C");
            assertEquals("io.nats.jetstream.advisory.v1.nak", nak.path("type").asText());
            assertEquals(2, nak.path("stream_seq").asLong());
            two = next(nc, "V", "C");
            assertEquals(2, two.metaData().deliveredCount());
            nc.request(two.getReplyTo(), bytes("+TERM"), WAIT);
            JsonNode term = event(events, "$JS.EVENT.ADVISORY.CONSUMER.MSG_TERMINATED.V.C");
            assertEquals("io.nats.jetstream.advisory.v1.terminated", term.path("type").asText());
            assertEquals(2, term.path("stream_seq").asLong());
            assertEquals(3, term.path("consumer_seq").asLong());
            assertEquals(2, term.path("deliveries").asLong());

            jsm.deleteConsumer("V", "C");
            JsonNode deleted = event(events, "$JS.EVENT.ADVISORY.CONSUMER.DELETED.V.C");
            assertEquals("delete", deleted.path("action").asText());
        }
    }

    /** The next event on {@code subject}, skipping the others (API audit events and the like). */
    private static JsonNode event(Subscription events, String subject) throws Exception {
        for (int i = 0; i < 50; i++) {
            Message m = events.nextMessage(WAIT);
            assertNotNull(m, "no event on " + subject);
            if (m.getSubject().equals(subject)) {
                return JSON.readTree(m.getData());
            }
        }
        throw new AssertionError("no event on " + subject + " among the next 50");
    }

    /** One message pulled on an inbox of its own (a delivery carries the stream subject, not the inbox). */
    private static Message next(Connection nc, String stream, String consumer) throws Exception {
        String inbox = nc.createInbox();
        Subscription sub = nc.subscribe(inbox);
        nc.publish("$JS.API.CONSUMER.MSG.NEXT." + stream + "." + consumer, inbox,
                "{\"batch\":1,\"expires\":1000000000}".getBytes(StandardCharsets.UTF_8));
        Message m = sub.nextMessage(WAIT);
        sub.unsubscribe();
        assertNotNull(m, "no message from " + consumer);
        assertTrue(m.isJetStream(), "a message, not a status, from " + consumer);
        return m;
    }

    private static List<String> names(JetStreamManagement jsm, String stream) {
        try {
            return jsm.getConsumerNames(stream);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
