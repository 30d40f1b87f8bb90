package io.hermod.consumers.engine;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One scenario of consumer administration, pull requests and acks, run against nats-server 2.9.10 and against
 * Hermod: every reply, delivery and status must be the same, once creation and activity times and the ack
 * subjects' timestamps are blanked out. Skipped when nats-server is not installed (failed under CI).
 */
class ConsumerDifferentialTest {
    private static final Duration WAIT = Duration.ofSeconds(3);

    @TempDir
    Path store;

    @Test
    void hermodAnswersAsNatsServer() throws Exception {
        NatsServerComparison.assertSameTranscript(store, ConsumerDifferentialTest::transcript);
    }

    private static List<String> transcript(Connection nc) throws Exception {
        List<String> out = new ArrayList<>();
        request(nc, out, "$JS.API.STREAM.CREATE.S", "{\"name\":\"S\",\"subjects\":[\"s.>\"]}", false);
        for (String subject : List.of("s.a", "s.a", "s.a", "s.b")) {
            request(nc, out, subject, "m", false);
        }
        String c = "{\"stream_name\":\"S\",\"config\":{\"durable_name\":\"C\",\"ack_policy\":\"explicit\"}}";
        request(nc, out, "$JS.API.CONSUMER.CREATE.S.C", c, true);
        request(nc, out, "$JS.API.CONSUMER.CREATE.S.C", c, true);
        request(nc, out, "$JS.API.CONSUMER.CREATE.S.C", "{\"stream_name\":\"S\",\"config\":{\"durable_name\":"
                + "\"C\",\"ack_policy\":\"explicit\",\"ack_wait\":20000000000}}", true);
        request(nc, out, "$JS.API.CONSUMER.CREATE.S.C", "{\"stream_name\":\"S\",\"config\":{\"durable_name\":"
                + "\"C\",\"ack_policy\":\"explicit\",\"deliver_policy\":\"new\"}}", true);
        request(nc, out, "$JS.API.CONSUMER.DURABLE.CREATE.S.E",
                "{\"stream_name\":\"S\",\"config\":{\"durable_name\":\"E\",\"ack_policy\":\"explicit\"}}", true);
        request(nc, out, "$JS.API.CONSUMER.CREATE.S.G.s.b", "{\"stream_name\":\"S\",\"config\":{\"durable_name\":"
                + "\"G\",\"ack_policy\":\"explicit\",\"filter_subject\":\"s.b\"}}", true);
        request(nc, out, "$JS.API.CONSUMER.CREATE.S.D", c, true);
        request(nc, out, "$JS.API.CONSUMER.CREATE.X.C", c.replace("\"S\"", "\"X\""), true);
        request(nc, out, "$JS.API.CONSUMER.DURABLE.CREATE.S.Q",
                "{\"stream_name\":\"S\",\"config\":{\"ack_policy\":\"explicit\"}}", true);
        request(nc, out, "$JS.API.CONSUMER.CREATE.S.L", "{\"stream_name\":\"S\",\"config\":{\"name\":\"L\","
                + "\"ack_policy\":\"explicit\",\"deliver_policy\":\"last_per_subject\",\"filter_subject\":"
                + "\"s.>\"}}", true);

        List<Message> two = pull(nc, out, "S", "C", "{\"batch\":2}", 2);
        Message ackReply = nc.request(two.get(0).getReplyTo(), "+ACK".getBytes(StandardCharsets.UTF_8), WAIT);
        out.add("ack reply [" + new String(ackReply.getData(), StandardCharsets.UTF_8) + "]");
        request(nc, out, "$JS.API.CONSUMER.INFO.S.C", "", true);
        pull(nc, out, "S", "C", "{\"batch\":5,\"no_wait\":true}", 3);
        pull(nc, out, "S", "G", "{\"batch\":1,\"no_wait\":true}", 1);
        pull(nc, out, "S", "G", "{\"batch\":1,\"no_wait\":true}", 1);
        pull(nc, out, "S", "L", "{\"batch\":5,\"no_wait\":true}", 3);
        Message nakReply = nc.request(two.get(1).getReplyTo(), "-NAK".getBytes(StandardCharsets.UTF_8), WAIT);
        out.add("nak reply [" + new String(nakReply.getData(), StandardCharsets.UTF_8) + "]");
        request(nc, out, "$JS.API.CONSUMER.INFO.S.C", "", true);
        pull(nc, out, "S", "C", "{\"batch\":1}", 1);
        request(nc, out, "$JS.API.CONSUMER.INFO.S.C", "", true);
        pull(nc, out, "S", "G", "{\"batch\":1,\"expires\":1000000000,\"idle_heartbeat\":200000000}", 2);
        pull(nc, out, "S", "G", "{\"batch\":1,\"expires\":1000000000,\"idle_heartbeat\":600000000}", 1);
        request(nc, out, "$JS.API.CONSUMER.INFO.S.Z", "", true);
        request(nc, out, "$JS.API.CONSUMER.NAMES.S", "", true);
        request(nc, out, "$JS.API.CONSUMER.NAMES.S", "{\"offset\":1}", true);
        request(nc, out, "$JS.API.CONSUMER.LIST.S", "", true);
        request(nc, out, "$JS.API.CONSUMER.CREATE.S.F", "{\"stream_name\":\"S\",\"config\":{\"durable_name\":"
                + "\"F\",\"ack_policy\":\"explicit\",\"max_expires\":90500000000,\"max_batch\":3}}", true);
        pull(nc, out, "S", "F", "{\"batch\":2,\"expires\":100000000000}", 1);
        pull(nc, out, "S", "F", "{\"batch\":4}", 1);
        request(nc, out, "$JS.API.CONSUMER.DELETE.S.F", "", true);
        String inbox = nc.createInbox();
        Subscription waiting = nc.subscribe(inbox);
        nc.publish("$JS.API.CONSUMER.MSG.NEXT.S.G", inbox, "{\"batch\":1,\"expires\":5000000000}".getBytes(
                StandardCharsets.UTF_8));
        request(nc, out, "$JS.API.CONSUMER.INFO.S.G", "", true);
        request(nc, out, "$JS.API.CONSUMER.DELETE.S.G", "", true);
        Message deleted = waiting.nextMessage(WAIT);
        out.add("waiting request of a deleted consumer: " + (deleted == null ? "nothing"
                : deleted.getStatus().getCode() + " " + deleted.getStatus().getMessage()));
        request(nc, out, "$JS.API.CONSUMER.DELETE.S.E", "", true);
        request(nc, out, "$JS.API.CONSUMER.DELETE.S.E", "", true);
        request(nc, out, "$JS.API.CONSUMER.NAMES.NOPE", "", true);
        request(nc, out, "$JS.API.CONSUMER.LEADER.STEPDOWN.S.C", "", true);
        return out;
    }

    @Test
    void pullRequestsAndBodiesAreCheckedAsNatsServerChecksThem() throws Exception {
        NatsServerComparison.assertSameTranscript(store, ConsumerDifferentialTest::requestChecks);
    }

    /**
     * A heartbeat without a long enough expiry, bodies where none is taken, and a no_wait request for messages
     * that the requests already waiting have claimed (held back by max_ack_pending).
     */
    private static List<String> requestChecks(Connection nc) throws Exception {
        List<String> out = new ArrayList<>();
        request(nc, out, "$JS.API.STREAM.CREATE.P", "{\"name\":\"P\",\"subjects\":[\"p.>\"]}", false);
        request(nc, out, "p.a", "1", false);
        request(nc, out, "$JS.API.CONSUMER.CREATE.P.W", "{\"stream_name\":\"P\",\"config\":{\"name\":\"W\","
                + "\"ack_policy\":\"explicit\",\"max_ack_pending\":1}}", false);
        pull(nc, out, "P", "W", "{\"batch\":1,\"idle_heartbeat\":1000000000}", 1);
        pull(nc, out, "P", "W", "{\"batch\":1,\"idle_heartbeat\":1000000000,\"expires\":1500000000}", 1);
        for (String wrong : List.of("\"opt_start_seq\":-1,\"deliver_policy\":\"by_start_sequence\"",
                "\"rate_limit_bps\":-1,\"deliver_subject\":\"x\"", "\"max_deliver\":\"3\"", "\"ack_wait\":1.5")) {
            request(nc, out, "$JS.API.CONSUMER.CREATE.P.V", "{\"stream_name\":\"P\",\"config\":{\"name\":\"V\","
                    + wrong + "}}", true);
        }
        request(nc, out, "$JS.API.CONSUMER.INFO.P.W", "{\"a\":1}", true);
        request(nc, out, "$JS.API.CONSUMER.INFO.NOPE.W", "{\"a\":1}", true);
        request(nc, out, "$JS.API.CONSUMER.DELETE.P.W", "x", true);
        Subscription waiting = nc.subscribe(nc.createInbox());
        nc.publish("$JS.API.CONSUMER.MSG.NEXT.P.W", waiting.getSubject(),
                "{\"batch\":5,\"expires\":3000000000}".getBytes(StandardCharsets.UTF_8));
        Message first = waiting.nextMessage(WAIT);
        out.add("waiting request got "
                + (first == null ? "nothing" : new String(first.getData(), StandardCharsets.UTF_8)));
        request(nc, out, "p.b", "2", false);
        request(nc, out, "p.c", "3", false);
        pull(nc, out, "P", "W", "{\"batch\":1,\"no_wait\":true}", 1);
        request(nc, out, "$JS.API.CONSUMER.INFO.P.W", "", true);
        waiting.unsubscribe();
        // Acks with a reply: one for a consumer that does not exist and one of the wrong shape find no responder.
        for (String ack : List.of("$JS.ACK.P.NOPE.1.1.1.1700000000000000000.0", "$JS.ACK.P.W.1.1.1",
                "$JS.ACK.P.W.1.99.99.1700000000000000000.0")) {
            Subscription answer = nc.subscribe(nc.createInbox());
            nc.publish(ack, answer.getSubject(), "+ACK".getBytes(StandardCharsets.UTF_8));
            Message reply = answer.nextMessage(WAIT);
            String answered = reply == null ? "nothing" : reply.isStatusMessage()
                    ? "status " + reply.getStatus().getCode()
                    : "[" + new String(reply.getData(), StandardCharsets.UTF_8) + "]";
            out.add(ack + " -> " + answered);
            answer.unsubscribe();
        }
        return out;
    }

    private static void request(Connection nc, List<String> out, String subject, String body, boolean record)
            throws Exception {
        Message reply = nc.request(subject, body.getBytes(StandardCharsets.UTF_8), WAIT);
        if (record) {
            out.add(subject + " -> " + normalize(new String(reply.getData(), StandardCharsets.UTF_8)));
        }
    }

    /** Sends a pull request and records what comes back: {@code count} messages or statuses. */
    private static List<Message> pull(Connection nc, List<String> out, String stream, String consumer, String body,
                                      int count) throws Exception {
        String inbox = nc.createInbox();
        Subscription sub = nc.subscribe(inbox);
        nc.publish("$JS.API.CONSUMER.MSG.NEXT." + stream + "." + consumer, inbox,
                body.getBytes(StandardCharsets.UTF_8));
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message m = sub.nextMessage(WAIT);
            if (m == null) {
                out.add("pull " + consumer + " " + body + ": nothing");
                break;
            }
            if (m.isStatusMessage()) {
                out.add("pull " + consumer + " " + body + ": status " + m.getStatus().getCode() + " "
                        + m.getStatus().getMessage() + " " + (m.getHeaders() == null ? "{}" : m.getHeaders().entrySet()));
                if (m.getStatus().getCode() == 100) {
                    continue;
                }
                break;
            }
            messages.add(m);
            String[] ack = m.getReplyTo().split("\\.");
            ack[7] = "TS";
            out.add("pull " + consumer + " " + body + ": " + m.getSubject() + " " + String.join(".", ack) + " "
                    + new String(m.getData(), StandardCharsets.UTF_8));
        }
        sub.unsubscribe();
        return messages;
    }

    private static String normalize(String json) {
        return json.replaceAll("\"(created|last_active)\":\"[^\"]+\"", "\"$1\":\"T\"");
    }
}
