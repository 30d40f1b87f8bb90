package io.hermod.consumers.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * One fixed scenario on an interest and a workqueue stream (publish with and without interest, pull, ack some,
 * nak, term, purge with a filter, by sequence and keep, message delete, consumer delete) and a sampled consumer,
 * run against nats-server 2.9.10 and against Hermod: the stream states (bytes aside: stored sizes are not this
 * test's subject), PubAcks, deliveries, consumer infos (sequences and counts) and the consumer advisories and
 * metrics published meanwhile must be the same. Skipped when nats-server is not installed (failed under CI).
 */
class RetentionDifferentialTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path store;

    @Test
    void interestAndWorkqueueStreamsEndInTheSameStateAsOnNatsServer() throws Exception {
        NatsServerComparison.assertSameTranscript(store, RetentionDifferentialTest::transcript);
    }

    private static List<String> transcript(Connection nc) throws Exception {
        List<String> out = new ArrayList<>();
        Subscription events = nc.subscribe("$JS.EVENT.*.CONSUMER.>");
        nc.flush(WAIT);
        interest(nc, out);
        workqueue(nc, out);
        sampled(nc, out);
        nc.flush(WAIT);
        out.addAll(events(events));
        return out;
    }

    private static void interest(Connection nc, List<String> out) throws Exception {
        api(nc, out, "$JS.API.STREAM.CREATE.I", "{\"name\":\"I\",\"subjects\":[\"i.>\"],\"retention\":\"interest\"}");
        publish(nc, out, "i.a");
        streamState(nc, out, "I");
        consumer(nc, out, "I", "{\"durable_name\":\"A\",\"ack_policy\":\"explicit\",\"filter_subject\":\"i.a\"}");
        publish(nc, out, "i.a");
        publish(nc, out, "i.b");
        streamState(nc, out, "I");
        consumer(nc, out, "I", "{\"durable_name\":\"B\",\"ack_policy\":\"explicit\"}");
        for (String subject : List.of("i.a", "i.b", "i.a", "i.b", "i.c", "i.a")) {
            publish(nc, out, subject);
        }
        streamState(nc, out, "I");
        List<Message> a = pull(nc, out, "I", "A", "{\"batch\":2,\"no_wait\":true}", 2);
        ack(nc, a, 0, "+ACK");
        streamState(nc, out, "I");
        consumerInfo(nc, out, "I", "A");
        List<Message> b = pull(nc, out, "I", "B", "{\"batch\":5,\"no_wait\":true}", 5);
        ack(nc, b, 0, "+ACK");
        ack(nc, b, 2, "+ACK");
        ack(nc, b, 1, "+TERM");
        streamState(nc, out, "I");
        consumerInfo(nc, out, "I", "B");
        ack(nc, a, 1, "+ACK");
        streamState(nc, out, "I");
        consumer(nc, out, "I", "{\"durable_name\":\"N\",\"ack_policy\":\"none\",\"filter_subject\":\"i.c\"}");
        publish(nc, out, "i.c");
        publish(nc, out, "i.c");
        pull(nc, out, "I", "N", "{\"batch\":1,\"no_wait\":true}", 1);
        streamState(nc, out, "I");
        api(nc, out, "$JS.API.STREAM.PURGE.I", "{\"filter\":\"i.b\"}");
        streamState(nc, out, "I");
        consumerInfo(nc, out, "I", "A");
        consumerInfo(nc, out, "I", "B");
        consumerInfo(nc, out, "I", "N");
        api(nc, out, "$JS.API.CONSUMER.DELETE.I.B", "");
        streamState(nc, out, "I");
        consumerInfo(nc, out, "I", "A");
        api(nc, out, "$JS.API.CONSUMER.DELETE.I.A", "");
        api(nc, out, "$JS.API.CONSUMER.DELETE.I.N", "");
        streamState(nc, out, "I");
        publish(nc, out, "i.a");
        streamState(nc, out, "I");
    }

    private static void workqueue(Connection nc, List<String> out) throws Exception {
        api(nc, out, "$JS.API.STREAM.CREATE.W", "{\"name\":\"W\",\"subjects\":[\"w.>\"],\"retention\":\"workqueue\"}");
        publish(nc, out, "w.a");
        publish(nc, out, "w.b");
        streamState(nc, out, "W");
        consumer(nc, out, "W", "{\"durable_name\":\"X\",\"ack_policy\":\"explicit\",\"filter_subject\":\"w.a\"}");
        consumer(nc, out, "W", "{\"durable_name\":\"Y\",\"ack_policy\":\"explicit\"}");
        consumer(nc, out, "W", "{\"durable_name\":\"Y\",\"ack_policy\":\"explicit\",\"filter_subject\":\"w.*\"}");
        consumer(nc, out, "W", "{\"durable_name\":\"Y\",\"ack_policy\":\"all\",\"filter_subject\":\"w.b\"}");
        consumer(nc, out, "W", "{\"durable_name\":\"Y\",\"ack_policy\":\"explicit\",\"filter_subject\":\"w.b\","
                + "\"deliver_policy\":\"new\"}");
        consumer(nc, out, "W", "{\"durable_name\":\"Y\",\"ack_policy\":\"explicit\",\"filter_subject\":\"w.b\"}");
        for (String subject : List.of("w.a", "w.b", "w.a", "w.c", "w.a", "w.b")) {
            publish(nc, out, subject);
        }
        // Right after the publishes, nats-server 2.9.10's running pending count is racy: for this same step its ack
        // subjects said "pending 3" in most runs and "pending 0" in one, so these lines leave the count out.
        List<Message> x = pull(nc, out, "W", "X", "{\"batch\":3,\"no_wait\":true}", 3, false);
        ack(nc, x, 1, "+ACK");
        ack(nc, x, 2, "-NAK");
        streamState(nc, out, "W");
        consumerInfo(nc, out, "W", "X");
        List<Message> y = pull(nc, out, "W", "Y", "{\"batch\":2,\"no_wait\":true}", 2);
        ack(nc, y, 0, "+ACK");
        streamState(nc, out, "W");
        api(nc, out, "$JS.API.STREAM.MSG.DELETE.W", "{\"seq\":5}");
        streamState(nc, out, "W");
        consumerInfo(nc, out, "W", "Y");
        api(nc, out, "$JS.API.STREAM.PURGE.W", "{\"seq\":6}");
        streamState(nc, out, "W");
        consumerInfo(nc, out, "W", "X");
        pull(nc, out, "W", "X", "{\"batch\":3,\"no_wait\":true}", 3);
        api(nc, out, "$JS.API.STREAM.PURGE.W", "{\"keep\":1}");
        streamState(nc, out, "W");
        consumerInfo(nc, out, "W", "X");
        consumerInfo(nc, out, "W", "Y");
        api(nc, out, "$JS.API.CONSUMER.DELETE.W.X", "");
        streamState(nc, out, "W");
        api(nc, out, "$JS.API.STREAM.PURGE.W", "");
        streamState(nc, out, "W");
        consumerInfo(nc, out, "W", "Y");
    }

    private static void sampled(Connection nc, List<String> out) throws Exception {
        api(nc, out, "$JS.API.STREAM.CREATE.M", "{\"name\":\"M\",\"subjects\":[\"m.>\"]}");
        consumer(nc, out, "M", "{\"durable_name\":\"S\",\"ack_policy\":\"explicit\",\"sample_freq\":\"100%\"}");
        publish(nc, out, "m.a");
        publish(nc, out, "m.a");
        List<Message> s = pull(nc, out, "M", "S", "{\"batch\":2,\"no_wait\":true}", 2);
        ack(nc, s, 0, "+ACK");
        ack(nc, s, 1, "+TERM");
        api(nc, out, "$JS.API.CONSUMER.DELETE.M.S", "");
    }

    /**
     * The consumer advisories and metrics seen during the scenario, in a stable order: subject, field names and
     * the values that do not depend on time or randomness.
     */
    private static List<String> events(Subscription events) throws Exception {
        List<String> seen = new ArrayList<>();
        for (Message m = events.nextMessage(Duration.ofMillis(500)); m != null;
             m = events.nextMessage(Duration.ofMillis(500))) {
            JsonNode json = JSON.readTree(m.getData());
            List<String> fields = new ArrayList<>();
            json.fieldNames().forEachRemaining(name -> fields.add(switch (name) {
                case "id", "timestamp", "ack_time" -> name;
                default -> name + "=" + json.get(name);
            }));
            java.util.Collections.sort(fields);
            seen.add("event " + m.getSubject() + " " + fields);
        }
        java.util.Collections.sort(seen);
        return seen;
    }

    private static void publish(Connection nc, List<String> out, String subject) throws Exception {
        Message reply = nc.request(subject, "m".getBytes(StandardCharsets.UTF_8), WAIT);
        out.add("pub " + subject + " -> " + text(reply));
    }

    private static void consumer(Connection nc, List<String> out, String stream, String config) throws Exception {
        String name = JSON.readTree(config).path("durable_name").asText();
        Message reply = nc.request("$JS.API.CONSUMER.CREATE." + stream + "." + name,
                ("{\"stream_name\":\"" + stream + "\",\"config\":" + config + "}").getBytes(StandardCharsets.UTF_8),
                WAIT);
        JsonNode json = JSON.readTree(reply.getData());
        out.add("create " + config + " -> " + (json.has("error") ? json.get("error").toString() : consumerFigures(json)));
    }

    private static void api(Connection nc, List<String> out, String subject, String body) throws Exception {
        Message reply = nc.request(subject, body.getBytes(StandardCharsets.UTF_8), WAIT);
        out.add(subject + " " + body + " -> " + text(reply));
    }

    private static void ack(Connection nc, List<Message> delivered, int index, String body) throws Exception {
        if (index >= delivered.size()) {
            return; // the transcript already shows that fewer messages came
        }
        Message m = delivered.get(index);
        // A request, so the ack has been processed when the empty reply comes back.
        nc.request(m.getReplyTo(), body.getBytes(StandardCharsets.UTF_8), WAIT);
    }

    private static void streamState(Connection nc, List<String> out, String stream) throws Exception {
        Message reply = nc.request("$JS.API.STREAM.INFO." + stream, new byte[0], WAIT);
        JsonNode state = JSON.readTree(reply.getData()).path("state");
        out.add("state " + stream + ": messages=" + state.path("messages") 
                + " first_seq=" + state.path("first_seq") + " last_seq=" + state.path("last_seq")
                + " num_deleted=" + state.path("num_deleted") + " num_subjects=" + state.path("num_subjects")
                + " consumers=" + state.path("consumer_count"));
    }

    private static void consumerInfo(Connection nc, List<String> out, String stream, String name) throws Exception {
        Message reply = nc.request("$JS.API.CONSUMER.INFO." + stream + "." + name, new byte[0], WAIT);
        out.add("info " + stream + "." + name + ": " + consumerFigures(JSON.readTree(reply.getData())));
    }

    private static String consumerFigures(JsonNode info) {
        if (info.has("error")) {
            return info.get("error").toString();
        }
        return "delivered=" + info.path("delivered").path("consumer_seq") + "/" + info.path("delivered").path("stream_seq")
                + " ack_floor=" + info.path("ack_floor").path("consumer_seq") + "/"
                + info.path("ack_floor").path("stream_seq") + " ack_pending=" + info.path("num_ack_pending")
                + " redelivered=" + info.path("num_redelivered") + " pending=" + info.path("num_pending");
    }

    private static List<Message> pull(Connection nc, List<String> out, String stream, String consumer, String body,
                                      int count) throws Exception {
        return pull(nc, out, stream, consumer, body, count, true);
    }

    private static List<Message> pull(Connection nc, List<String> out, String stream, String consumer, String body,
                                      int count, boolean withPending) throws Exception {
        String inbox = nc.createInbox();
        Subscription sub = nc.subscribe(inbox);
        nc.publish("$JS.API.CONSUMER.MSG.NEXT." + stream + "." + consumer, inbox, body.getBytes(StandardCharsets.UTF_8));
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message m = sub.nextMessage(WAIT);
            if (m == null) {
                out.add("pull " + consumer + ": nothing");
                break;
            }
            if (m.isStatusMessage()) {
                out.add("pull " + consumer + ": status " + m.getStatus().getCode());
                break;
            }
            messages.add(m);
            out.add("pull " + consumer + ": " + m.getSubject() + " stream " + m.metaData().streamSequence()
                    + " consumer " + m.metaData().consumerSequence() + " delivered " + m.metaData().deliveredCount()
                    + (withPending ? " pending " + m.metaData().pendingCount() : ""));
        }
        sub.unsubscribe();
        return messages;
    }

    private static String text(Message reply) {
        return new String(reply.getData(), StandardCharsets.UTF_8)
                .replaceAll("\"\\d{4}-\\d\\d-\\d\\dT[^\"]+\"", "\"T\"");
    }
}
