package io.hermod.consumers.engine;

import io.hermod.store.api.GoJson;
import io.hermod.store.api.StreamConfig;
import io.hermod.store.file.StoreDirectory;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.PublishAck;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Interest and workqueue retention as jnats sees it: what is kept, what goes when, and across a restart. */
class RetentionTest {
    private static final Duration WAIT = Duration.ofSeconds(2);

    @TempDir
    Path store;

    @Test
    void interestStreamDoesNotKeepAMessageNobodyIsInterestedInButGivesItASequence() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "I", RetentionPolicy.Interest);
            JetStream js = nc.jetStream();
            PublishAck first = js.publish("i.a", bytes("nobody"));
            assertEquals(1, first.getSeqno());
            assertState(jsm, "I", 0, 2, 1, 0);
            durable(jsm, "I", "A", "i.a", AckPolicy.Explicit);
            js.publish("i.a", bytes("for A"));
            js.publish("i.b", bytes("for nobody"));
            assertState(jsm, "I", 1, 2, 3, 1);
            durable(jsm, "I", "B", "", AckPolicy.Explicit);
            js.publish("i.b", bytes("for B"));
            assertState(jsm, "I", 2, 2, 4, 1);
        }
    }

    @Test
    void interestMessageGoesOnceEveryConsumerThatWantsItAcknowledged() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "I", RetentionPolicy.Interest);
            durable(jsm, "I", "A", "i.a", AckPolicy.Explicit);
            durable(jsm, "I", "ALL", "", AckPolicy.Explicit);
            JetStream js = nc.jetStream();
            js.publish("i.a", bytes("1"));
            js.publish("i.b", bytes("2"));
            js.publish("i.a", bytes("3"));

            List<Message> all = fetch(js, "I", "ALL", 3);
            all.get(1).ackSync(WAIT); // i.b: only ALL wanted it
            assertState(jsm, "I", 2, 1, 3, 1);
            all.get(0).ackSync(WAIT); // A still has to acknowledge i.a
            assertState(jsm, "I", 2, 1, 3, 1);
            List<Message> a = fetch(js, "I", "A", 2);
            a.get(0).ackSync(WAIT);
            assertState(jsm, "I", 1, 3, 3, 0);
            a.get(1).ackSync(WAIT);
            all.get(2).ackSync(WAIT);
            assertState(jsm, "I", 0, 4, 3, 0);
        }
    }

    @Test
    void ackNoneConsumerReleasesItsInterestWhenAMessageIsDelivered() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "I", RetentionPolicy.Interest);
            durable(jsm, "I", "N", "", AckPolicy.None);
            JetStream js = nc.jetStream();
            js.publish("i.a", bytes("1"));
            js.publish("i.a", bytes("2"));
            assertEquals(1, fetch(js, "I", "N", 1).size());
            assertState(jsm, "I", 1, 2, 2, 0);
        }
    }

    @Test
    void deletingAnInterestConsumerRemovesWhatOnlyItStillNeeded() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "I", RetentionPolicy.Interest);
            durable(jsm, "I", "A", "i.a", AckPolicy.Explicit);
            durable(jsm, "I", "B", "i.>", AckPolicy.Explicit);
            JetStream js = nc.jetStream();
            js.publish("i.a", bytes("1"));
            js.publish("i.b", bytes("2"));
            js.publish("i.a", bytes("3"));
            fetch(js, "I", "B", 3).forEach(m -> ack(m));
            assertState(jsm, "I", 2, 1, 3, 1);
            jsm.deleteConsumer("I", "A");
            assertState(jsm, "I", 0, 4, 3, 0);
        }
    }

    @Test
    void workqueueMessageGoesWhenItsConsumerAcknowledgesIt() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "W", RetentionPolicy.WorkQueue);
            JetStream js = nc.jetStream();
            js.publish("w.a", bytes("kept without consumers"));
            assertState(jsm, "W", 1, 1, 1, 0);
            durable(jsm, "W", "X", "w.a", AckPolicy.Explicit);
            js.publish("w.a", bytes("2"));
            List<Message> x = fetch(js, "W", "X", 2);
            x.get(1).ackSync(WAIT);
            assertState(jsm, "W", 1, 1, 2, 1);
            x.get(0).nak();
            Message again = fetch(js, "W", "X", 1).get(0);
            assertEquals(2, again.metaData().deliveredCount());
            again.term();
            awaitState(jsm, "W", 0, 3, 2);
        }
    }

    @Test
    void workqueueConsumersAreRefusedWithNatsServersErrors() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "W", RetentionPolicy.WorkQueue);
            assertEquals(10098, refused(jsm, "W", ConsumerConfiguration.builder().durable("Q")
                    .ackPolicy(AckPolicy.All).build()));
            assertEquals(10101, refused(jsm, "W", ConsumerConfiguration.builder().durable("Q")
                    .ackPolicy(AckPolicy.Explicit).deliverPolicy(DeliverPolicy.New).build()));
            durable(jsm, "W", "X", "", AckPolicy.Explicit);
            assertEquals(10099, refused(jsm, "W", ConsumerConfiguration.builder().durable("Y")
                    .ackPolicy(AckPolicy.Explicit).build()));
            assertEquals(10100, refused(jsm, "W", ConsumerConfiguration.builder().durable("Y")
                    .ackPolicy(AckPolicy.Explicit).filterSubject("w.b").build()));
            jsm.deleteConsumer("W", "X");
            durable(jsm, "W", "X", "w.a", AckPolicy.Explicit);
            assertEquals(10100, refused(jsm, "W", ConsumerConfiguration.builder().durable("Y")
                    .ackPolicy(AckPolicy.Explicit).filterSubject("w.*").build()));
            durable(jsm, "W", "Y", "w.b", AckPolicy.Explicit);
        }
    }

    @Test
    void removalsAndTheStateTheyLeaveSurviveARestart() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "I", RetentionPolicy.Interest);
            durable(jsm, "I", "A", "", AckPolicy.Explicit);
            durable(jsm, "I", "B", "", AckPolicy.Explicit);
            JetStream js = nc.jetStream();
            for (int i = 1; i <= 4; i++) {
                js.publish("i.a", bytes("m" + i));
            }
            fetch(js, "I", "A", 4).forEach(m -> ack(m));
            List<Message> b = fetch(js, "I", "B", 4);
            b.get(0).ackSync(WAIT);
            b.get(2).ackSync(WAIT);
            assertState(jsm, "I", 2, 2, 4, 1);
        }
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            assertState(jsm, "I", 2, 2, 4, 1);
            // B's unacknowledged messages come back to it; acknowledging them now removes them.
            List<Message> again = fetch(nc.jetStream(), "I", "B", 2);
            assertEquals(List.of(2L, 4L), again.stream().map(m -> m.metaData().streamSequence()).toList());
            again.forEach(m -> ack(m));
            awaitState(jsm, "I", 0, 5, 4);
        }
    }

    @Test
    void restartRemovesMessagesWhoseRemovalACrashLostAfterTheirAcknowledgement() throws Exception {
        // A limits stream keeps acknowledged messages: the state a crash leaves when the acknowledgement was written
        // but the removal was not. Turned into an interest stream behind the server's back, the next start must
        // remove them.
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "I", RetentionPolicy.Limits);
            durable(jsm, "I", "A", "", AckPolicy.Explicit);
            JetStream js = nc.jetStream();
            for (int i = 1; i <= 3; i++) {
                js.publish("i.a", bytes("m" + i));
            }
            List<Message> a = fetch(js, "I", "A", 3);
            a.get(0).ackSync(WAIT);
            a.get(1).ackSync(WAIT);
            assertState(jsm, "I", 3, 1, 3, 0);
        }
        try (StoreDirectory directory = StoreDirectory.open(store)) {
            StoreDirectory.StoredStream stored = directory.storedStreams().get(0);
            StreamConfig config = GoJson.read(new String(stored.natsConfig(), StandardCharsets.UTF_8),
                    StreamConfig.class);
            StreamConfig interest = config.toBuilder().retention(io.hermod.store.api.RetentionPolicy.INTEREST).build();
            directory.openStream(stored.config(), GoJson.write(interest), stored.createdNanos()).close();
        }
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            awaitState(jsm, "I", 1, 3, 3);
        }
    }

    static void stream(JetStreamManagement jsm, String name, RetentionPolicy retention) throws Exception {
        jsm.addStream(StreamConfiguration.builder().name(name).subjects(name.toLowerCase() + ".>")
                .retentionPolicy(retention).build());
    }

    static void durable(JetStreamManagement jsm, String stream, String name, String filter, AckPolicy policy)
            throws Exception {
        ConsumerConfiguration.Builder b = ConsumerConfiguration.builder().durable(name).ackPolicy(policy);
        if (!filter.isEmpty()) {
            b.filterSubject(filter);
        }
        jsm.addOrUpdateConsumer(stream, b.build());
    }

    static List<Message> fetch(JetStream js, String stream, String durable, int count) throws Exception {
        JetStreamSubscription sub = js.subscribe(null, PullSubscribeOptions.bind(stream, durable));
        List<Message> messages = sub.fetch(count, WAIT);
        sub.unsubscribe();
        assertEquals(count, messages.size(), "messages fetched from " + durable);
        return messages;
    }

    static void ack(Message m) {
        try {
            m.ackSync(WAIT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int refused(JetStreamManagement jsm, String stream, ConsumerConfiguration config) {
        return assertThrows(JetStreamApiException.class, () -> jsm.addOrUpdateConsumer(stream, config))
                .getApiErrorCode();
    }

    /** Checks the state now; removals are queued behind the acknowledgement, so they are awaited first. */
    static void assertState(JetStreamManagement jsm, String stream, long messages, long firstSeq, long lastSeq,
                            long deleted) throws Exception {
        awaitState(jsm, stream, messages, firstSeq, lastSeq);
        StreamState state = jsm.getStreamInfo(stream).getStreamState();
        assertEquals(deleted, state.getDeletedCount(), "num_deleted of " + stream);
    }

    static void awaitState(JetStreamManagement jsm, String stream, long messages, long firstSeq, long lastSeq)
            throws Exception {
        awaitTrue(() -> {
            StreamState s = info(jsm, stream);
            return s.getMsgCount() == messages && s.getFirstSequence() == firstSeq && s.getLastSequence() == lastSeq;
        });
        StreamState state = jsm.getStreamInfo(stream).getStreamState();
        assertEquals(messages, state.getMsgCount(), "messages of " + stream);
        assertEquals(firstSeq, state.getFirstSequence(), "first_seq of " + stream);
        assertEquals(lastSeq, state.getLastSequence(), "last_seq of " + stream);
    }

    private static StreamState info(JetStreamManagement jsm, String stream) {
        try {
            return jsm.getStreamInfo(stream).getStreamState();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bounded polling: returns when the condition holds or after 5 s (the assertion that follows then fails). */
    static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
