package io.hermod.consumers.engine;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.RetentionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.hermod.consumers.engine.RetentionTest.assertState;
import static io.hermod.consumers.engine.RetentionTest.awaitState;
import static io.hermod.consumers.engine.RetentionTest.awaitTrue;
import static io.hermod.consumers.engine.RetentionTest.bytes;
import static io.hermod.consumers.engine.RetentionTest.durable;
import static io.hermod.consumers.engine.RetentionTest.fetch;
import static io.hermod.consumers.engine.RetentionTest.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Push consumers take part in retention, purges and message deletes exactly as pull consumers do: they count as
 * interest, their acknowledgements remove messages, purges move them, a deleted pending message is terminated.
 */
class PushRetentionTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path store;

    @Test
    void interestMessageGoesOnlyOnceBothThePushAndThePullConsumerAcknowledgedIt() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "I", RetentionPolicy.Interest);
            durable(jsm, "I", "P", "", AckPolicy.Explicit);
            JetStream js = nc.jetStream();
            JetStreamSubscription push = js.subscribe("i.>", push("H", AckPolicy.Explicit, 0));
            for (int i = 1; i <= 3; i++) {
                js.publish("i.a", bytes("m" + i));
            }
            List<Message> pushed = receive(push, 3);
            pushed.get(0).ackSync(WAIT);
            pushed.get(1).ackSync(WAIT);
            assertState(jsm, "I", 3, 1, 3, 0); // the pull consumer still needs all three

            List<Message> pulled = fetch(js, "I", "P", 3);
            pulled.get(0).ackSync(WAIT);
            pulled.get(2).ackSync(WAIT);
            assertState(jsm, "I", 2, 2, 3, 0); // 1 went; 3 waits for the push consumer

            pushed.get(2).ackSync(WAIT);
            // the ack's reply comes after the removal it caused, for push consumers too
            assertEquals(1, jsm.getStreamInfo("I").getStreamState().getMsgCount());
            assertState(jsm, "I", 1, 2, 3, 1);
            pulled.get(1).ackSync(WAIT);
            assertState(jsm, "I", 0, 4, 3, 0);
        }
    }

    @Test
    void filteredPushConsumerIsTheInterestThatDecidesWhatAnInterestStreamStores() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "I", RetentionPolicy.Interest);
            JetStream js = nc.jetStream();
            JetStreamSubscription push = js.subscribe("i.a", push("H", AckPolicy.Explicit, 0));
            js.publish("i.b", bytes("nobody wants it"));
            js.publish("i.a", bytes("for H"));
            assertState(jsm, "I", 1, 2, 2, 0);
            Message m = receive(push, 1).get(0);
            assertEquals(2, m.metaData().streamSequence());
            m.ackSync(WAIT);
            assertState(jsm, "I", 0, 3, 2, 0);
        }
    }

    @Test
    void workqueueMessageGoesWhenThePushConsumerAcknowledgesOrTerminatesIt() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "W", RetentionPolicy.WorkQueue);
            JetStream js = nc.jetStream();
            JetStreamSubscription push = js.subscribe("w.>", push("H", AckPolicy.Explicit, 0));
            for (int i = 1; i <= 3; i++) {
                js.publish("w.a", bytes("m" + i));
            }
            List<Message> got = receive(push, 3);
            got.get(1).ackSync(WAIT);
            assertState(jsm, "W", 2, 1, 3, 1);
            got.get(0).term();
            awaitState(jsm, "W", 1, 3, 3);
            got.get(2).ackSync(WAIT);
            assertState(jsm, "W", 0, 4, 3, 0);
        }
    }

    @Test
    void purgeMovesAPushConsumerPastThePurgedMessagesAndDropsItsPendingEntries() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "L", RetentionPolicy.Limits);
            JetStream js = nc.jetStream();
            JetStreamSubscription push = js.subscribe("l.>", push("H", AckPolicy.Explicit, 2));
            for (int i = 1; i <= 4; i++) {
                js.publish("l.a", bytes("m" + i));
            }
            receive(push, 2); // max_ack_pending holds back 3 and 4
            awaitTrue(() -> consumer(jsm, "L", "H").getNumAckPending() == 2);
            jsm.purgeStream("L");
            ConsumerInfo info = jsm.getConsumerInfo("L", "H");
            assertEquals(2, info.getDelivered().getConsumerSequence());
            assertEquals(4, info.getDelivered().getStreamSequence());
            assertEquals(2, info.getAckFloor().getConsumerSequence());
            assertEquals(4, info.getAckFloor().getStreamSequence());
            assertEquals(0, info.getNumAckPending());
            assertEquals(0, info.getNumPending());

            js.publish("l.a", bytes("after"));
            Message next = receive(push, 1).get(0);
            assertEquals(5, next.metaData().streamSequence());
            assertEquals(3, next.metaData().consumerSequence());
            assertEquals(1, next.metaData().deliveredCount());
        }
    }

    @Test
    void deletingAMessagePendingOnAPushConsumerTerminatesItAndLetsTheNextOneGo() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "L", RetentionPolicy.Limits);
            JetStream js = nc.jetStream();
            JetStreamSubscription push = js.subscribe("l.>", push("H", AckPolicy.Explicit, 1));
            js.publish("l.a", bytes("m1"));
            js.publish("l.a", bytes("m2"));
            assertEquals(1, receive(push, 1).get(0).metaData().streamSequence());
            awaitTrue(() -> consumer(jsm, "L", "H").getNumAckPending() == 1);
            jsm.deleteMessage("L", 1);
            // the deleted message counts as +TERM: max_ack_pending no longer holds back the next one
            Message next = receive(push, 1).get(0);
            assertEquals(2, next.metaData().streamSequence());
            assertEquals(1, next.metaData().deliveredCount());
            next.ackSync(WAIT);
            ConsumerInfo info = jsm.getConsumerInfo("L", "H");
            assertEquals(2, info.getAckFloor().getStreamSequence());
            assertEquals(0, info.getNumAckPending());
        }
    }

    @Test
    void pushConsumerKeepsItsInterestAndRetentionAcrossARestart() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            stream(jsm, "I", RetentionPolicy.Interest);
            JetStream js = nc.jetStream();
            JetStreamSubscription push = js.subscribe("i.>", push("H", AckPolicy.Explicit, 0));
            js.publish("i.a", bytes("m1"));
            js.publish("i.a", bytes("m2"));
            receive(push, 2).get(0).ackSync(WAIT);
            assertState(jsm, "I", 1, 2, 2, 0);
        }
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            assertState(jsm, "I", 1, 2, 2, 0);
            JetStream js = nc.jetStream();
            js.publish("i.a", bytes("m3")); // the restored push consumer is interest: stored
            assertState(jsm, "I", 2, 2, 3, 0);
            JetStreamSubscription push = js.subscribe("i.>", PushSubscribeOptions.bind("I", "H"));
            List<Message> got = receive(push, 2);
            assertEquals(List.of(2L, 3L), got.stream().map(m -> m.metaData().streamSequence()).toList());
            assertEquals(2, got.get(0).metaData().deliveredCount());
            for (Message m : got) {
                m.ackSync(WAIT);
            }
            assertState(jsm, "I", 0, 4, 3, 0);
        }
    }

    private static PushSubscribeOptions push(String durable, AckPolicy policy, int maxAckPending) {
        ConsumerConfiguration.Builder config = ConsumerConfiguration.builder().ackPolicy(policy);
        if (maxAckPending > 0) {
            config.maxAckPending(maxAckPending);
        }
        return PushSubscribeOptions.builder().durable(durable).configuration(config.build()).build();
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

    private static ConsumerInfo consumer(JetStreamManagement jsm, String stream, String name) {
        try {
            return jsm.getConsumerInfo(stream, name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
