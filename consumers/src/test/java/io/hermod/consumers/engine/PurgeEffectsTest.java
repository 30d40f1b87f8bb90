package io.hermod.consumers.engine;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.PurgeOptions;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.hermod.consumers.engine.RetentionTest.bytes;
import static io.hermod.consumers.engine.RetentionTest.durable;
import static io.hermod.consumers.engine.RetentionTest.fetch;
import static io.hermod.consumers.engine.RetentionTest.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What purges and message deletes do to consumers: skipped messages, dropped pending entries, moved floors. */
class PurgeEffectsTest {
    private static final Duration WAIT = Duration.ofSeconds(2);

    @TempDir
    Path store;

    @Test
    void wholePurgeMovesEveryConsumerPastThePurgedMessagesAndDropsTheirPendingEntries() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "L", RetentionPolicy.Limits);
            durable(jsm, "L", "A", "", AckPolicy.Explicit);
            durable(jsm, "L", "F", "l.b", AckPolicy.Explicit);
            JetStream js = nc.jetStream();
            for (String subject : List.of("l.a", "l.b", "l.a", "l.b")) {
                js.publish(subject, bytes(subject));
            }
            fetch(js, "L", "A", 2);
            fetch(js, "L", "F", 1);
            jsm.purgeStream("L");
            ConsumerInfo a = jsm.getConsumerInfo("L", "A");
            assertFigures(a, 2, 4, 2, 4, 0, 0);
            ConsumerInfo f = jsm.getConsumerInfo("L", "F");
            assertFigures(f, 1, 4, 1, 4, 0, 0);
            js.publish("l.b", bytes("after"));
            Message next = fetch(js, "L", "F", 1).get(0);
            assertEquals(5, next.metaData().streamSequence());
            assertEquals(2, next.metaData().consumerSequence());
        }
    }

    @Test
    void filteredPurgeMovesTheUnfilteredConsumersAndThoseWithinItsSubjectOnly() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "L", RetentionPolicy.Limits);
            durable(jsm, "L", "ALL", "", AckPolicy.Explicit);
            durable(jsm, "L", "A", "l.a", AckPolicy.Explicit);
            durable(jsm, "L", "B", "l.b", AckPolicy.Explicit);
            JetStream js = nc.jetStream();
            for (String subject : List.of("l.a", "l.b", "l.a", "l.b", "l.a")) {
                js.publish(subject, bytes(subject));
            }
            fetch(js, "L", "B", 1);
            fetch(js, "L", "A", 1);
            jsm.purgeStream("L", PurgeOptions.builder().subject("l.b").build());
            // No l.b message is left: nats-server 2.9.10 moves the concerned consumers to the end of the stream.
            assertFigures(jsm.getConsumerInfo("L", "B"), 1, 5, 1, 5, 0, 0);
            assertFigures(jsm.getConsumerInfo("L", "ALL"), 0, 5, 0, 5, 0, 0);
            assertFigures(jsm.getConsumerInfo("L", "A"), 1, 1, 0, 0, 1, 2);
        }
    }

    @Test
    void purgeBySequenceAndKeepMoveTheUnfilteredConsumersToTheNewFirstSequence() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "L", RetentionPolicy.Limits);
            durable(jsm, "L", "ALL", "", AckPolicy.Explicit);
            durable(jsm, "L", "A", "l.a", AckPolicy.Explicit);
            JetStream js = nc.jetStream();
            for (int i = 0; i < 6; i++) {
                js.publish("l.a", bytes("m" + i));
            }
            List<Message> all = fetch(js, "L", "ALL", 3);
            fetch(js, "L", "A", 1);
            jsm.purgeStream("L", PurgeOptions.builder().sequence(3).build());
            assertFigures(jsm.getConsumerInfo("L", "ALL"), 3, 3, 2, 2, 1, 3);
            assertFigures(jsm.getConsumerInfo("L", "A"), 1, 1, 0, 0, 1, 4);
            all.get(2).ackSync(WAIT);
            jsm.purgeStream("L", PurgeOptions.builder().keep(1).build());
            assertFigures(jsm.getConsumerInfo("L", "ALL"), 3, 5, 3, 5, 0, 1);
            assertEquals(6, fetch(js, "L", "ALL", 1).get(0).metaData().streamSequence());
        }
    }

    @Test
    void rollupMovesTheConsumersAsAPurgeKeepingTheRollupMessage() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            jsm.addStream(StreamConfiguration.builder().name("R").subjects("r.>").allowRollup(true).build());
            durable(jsm, "R", "C", "", AckPolicy.Explicit);
            durable(jsm, "R", "F", "r.a", AckPolicy.Explicit);
            JetStream js = nc.jetStream();
            for (String subject : List.of("r.a", "r.b", "r.a", "r.b")) {
                js.publish(subject, bytes(subject));
            }
            fetch(js, "R", "C", 2);
            fetch(js, "R", "F", 1);
            js.publish(NatsMessage.builder().subject("r.b").headers(new Headers().add("Nats-Rollup", "sub"))
                    .data(bytes("roll")).build());
            // Observed on nats-server 2.9.10: the unfiltered consumer moves to the rollup message, r.a's stays.
            assertFigures(jsm.getConsumerInfo("R", "C"), 2, 4, 2, 4, 0, 1);
            assertFigures(jsm.getConsumerInfo("R", "F"), 1, 1, 0, 0, 1, 1);
        }
    }

    @Test
    void deletingAPendingMessageAcknowledgesItAsTermAndItIsNotRedelivered() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "L", RetentionPolicy.Limits);
            durable(jsm, "L", "A", "", AckPolicy.Explicit);
            JetStream js = nc.jetStream();
            for (int i = 0; i < 3; i++) {
                js.publish("l.a", bytes("m" + i));
            }
            List<Message> a = fetch(js, "L", "A", 3);
            a.get(1).nak();
            jsm.deleteMessage("L", 2);
            RetentionTest.awaitTrue(() -> pending(jsm, "L", "A") == 2);
            assertFigures(jsm.getConsumerInfo("L", "A"), 3, 3, 0, 0, 2, 0);
            a.get(0).ackSync(WAIT);
            assertFigures(jsm.getConsumerInfo("L", "A"), 3, 3, 2, 2, 1, 0);
            js.publish("l.a", bytes("new"));
            assertEquals(4, fetch(js, "L", "A", 1).get(0).metaData().streamSequence());
        }
    }

    @Test
    void deletingAStreamRemovesItsConsumersAndTheirStoredState() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "L", RetentionPolicy.Limits);
            durable(jsm, "L", "A", "", AckPolicy.Explicit);
            nc.jetStream().publish("l.a", bytes("m"));
            fetch(nc.jetStream(), "L", "A", 1);
            jsm.deleteStream("L");
            stream(jsm, "L", RetentionPolicy.Limits);
            assertEquals(List.of(), jsm.getConsumerNames("L"));
        }
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            assertEquals(List.of(), nc.jetStreamManagement().getConsumerNames("L"), "nothing restored after restart");
        }
    }

    private static long pending(JetStreamManagement jsm, String stream, String consumer) {
        try {
            return jsm.getConsumerInfo(stream, consumer).getNumAckPending();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertFigures(ConsumerInfo info, long deliveredConsumer, long deliveredStream,
                                      long floorConsumer, long floorStream, long ackPending, long pending) {
        String name = info.getName();
        assertEquals(deliveredConsumer, info.getDelivered().getConsumerSequence(), name + " delivered consumer seq");
        assertEquals(deliveredStream, info.getDelivered().getStreamSequence(), name + " delivered stream seq");
        assertEquals(floorConsumer, info.getAckFloor().getConsumerSequence(), name + " ack floor consumer seq");
        assertEquals(floorStream, info.getAckFloor().getStreamSequence(), name + " ack floor stream seq");
        assertEquals(ackPending, info.getNumAckPending(), name + " num_ack_pending");
        assertEquals(pending, info.getNumPending(), name + " num_pending");
    }
}
