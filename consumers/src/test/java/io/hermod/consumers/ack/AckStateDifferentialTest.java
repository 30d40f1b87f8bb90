package io.hermod.consumers.ack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.hermod.consumers.ManualClock;
import io.hermod.store.api.NatsJetStreamServer;
import io.hermod.consumers.config.AckPolicy;
import io.hermod.store.api.GoJson;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plays the same acknowledgements on a pull consumer of a live nats-server 2.9.10 and on an {@link AckState}, and
 * compares what nats reports (ack reply subjects, consumer info: delivered, ack floor, num_ack_pending,
 * num_redelivered) after every step. Acks are sent as requests, so nats has applied each before the next step.
 * No ack wait expires here (that needs real time); naks without delay stand in for redelivery.
 */
class AckStateDifferentialTest {
    private static final long ACK_WAIT = Duration.ofMinutes(5).toNanos();

    private NatsJetStreamServer server;
    private Connection nats;
    private AckState state;
    private String consumer;
    private final Map<Long, String> replyOf = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        server = NatsJetStreamServer.start();
        nats = Nats.connect(new Options.Builder().server(server.url()).noReconnect().build());
        request("$JS.API.STREAM.CREATE.S", "{\"name\":\"S\",\"subjects\":[\"s.>\"],\"storage\":\"memory\"}");
        for (int i = 1; i <= 8; i++) {
            request("s." + i, "m" + i);
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (nats != null) {
            nats.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void explicitAckFloorMatchesNatsServer() throws Exception {
        create("explicit", AckPolicy.EXPLICIT, -1);
        fetch(4);
        ack(2, "+ACK");
        ack(1, "+ACK");
        ack(3, "-NAK");
        fetch(2); // 3 again (consumer seq 5), then 5
        ack(3, "+ACK");
        ack(4, "+TERM");
        fetch(2); // 6, 7
        ack(7, "+ACK");
        ack(5, "-NAK");
        fetch(1); // 5 again
        ack(5, "+ACK");
        ack(6, "+WPI");
        ack(6, "+ACK");
    }

    @Test
    void ackAllMatchesNatsServer() throws Exception {
        create("all", AckPolicy.ALL, -1);
        fetch(3);
        ack(2, "-NAK");
        fetch(2); // 2 again (consumer seq 4), then 4
        ack(1, "+ACK");
        ack(2, "+ACK");
        ack(1, "+ACK"); // below the floor
        ack(4, "+ACK");
        fetch(3);
        ack(6, "+TERM");
        ack(7, "+ACK");
    }

    @Test
    void maxDeliverMatchesNatsServer() throws Exception {
        create("limited", AckPolicy.EXPLICIT, 2);
        fetch(2);
        ack(1, "-NAK");
        fetch(1); // 1 again, its last delivery
        ack(1, "-NAK");
        fetch(1); // nats drops 1 when it looks for the next message; here expire() does, then 3 comes
        ack(2, "+ACK");
        ack(3, "+ACK");
    }

    private void create(String name, AckPolicy policy, int maxDeliver) throws Exception {
        consumer = name;
        String ack = policy == AckPolicy.ALL ? "all" : "explicit";
        request("$JS.API.CONSUMER.DURABLE.CREATE.S." + name, "{\"stream_name\":\"S\",\"config\":{\"durable_name\":\""
                + name + "\",\"ack_policy\":\"" + ack + "\",\"ack_wait\":" + ACK_WAIT + ",\"max_deliver\":"
                + maxDeliver + "}}");
        state = AckState.start(new AckSettings(policy, ACK_WAIT, List.of(), maxDeliver, 1000), 1, new ManualClock());
        compare(name);
    }

    /** Pulls {@code count} messages from nats and delivers the same on the state. */
    private void fetch(int count) throws Exception {
        state.expire();
        String inbox = nats.createInbox();
        Subscription sub = nats.subscribe(inbox);
        nats.publish("$JS.API.CONSUMER.MSG.NEXT.S." + consumer, inbox,
                ("{\"batch\":" + count + ",\"no_wait\":true}").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < count; i++) {
            Message m = sub.nextMessage(Duration.ofSeconds(5));
            assertNotNull(m, "nats delivered fewer than " + count);
            AckReplySubject reply = AckReplySubject.parse(m.getReplyTo()).orElseThrow();
            Delivery next = state.nextDelivery(seq -> seq <= 8 ? seq : 0).orElseThrow();
            Delivered ours = state.onDelivered(next.streamSeq());
            assertEquals(List.of(reply.streamSeq(), reply.consumerSeq(), reply.deliveryCount()),
                    List.of(ours.streamSeq(), ours.consumerSeq(), (long) ours.deliveryCount()), m.getReplyTo());
            replyOf.put(reply.streamSeq(), m.getReplyTo());
        }
        sub.unsubscribe();
        compare(consumer);
    }

    /** Acks on the subject of the message's latest delivery. */
    private void ack(long streamSeq, String body) throws Exception {
        String subject = replyOf.get(streamSeq);
        Message done = nats.request(subject, body.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
        assertNotNull(done, "nats did not confirm " + body + " of " + streamSeq);
        AckMessage.applyTo(AckMessage.parse(body.getBytes(StandardCharsets.UTF_8)), state,
                AckReplySubject.parse(subject).orElseThrow());
        compare(consumer);
    }

    private void compare(String consumer) throws Exception {
        JsonNode info = request("$JS.API.CONSUMER.INFO.S." + consumer, "");
        String step = "after " + info;
        assertEquals(state.delivered(), pair(info.path("delivered")), step);
        assertEquals(state.ackFloor(), pair(info.path("ack_floor")), step);
        assertEquals(state.numAckPending(), info.path("num_ack_pending").asInt(), step);
        assertEquals(state.numRedelivered(), info.path("num_redelivered").asInt(), step);
    }

    private static SequencePair pair(JsonNode node) {
        return new SequencePair(node.path("consumer_seq").asLong(), node.path("stream_seq").asLong());
    }

    private JsonNode request(String subject, String body) throws Exception {
        Message reply = nats.request(subject, body.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
        assertNotNull(reply, () -> "no reply from nats-server to " + subject);
        return reply.getData().length == 0 ? null : GoJson.mapper().readTree(reply.getData());
    }
}
