package io.hermod.consumers.engine;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Pull requests with {@code max_bytes}, run against nats-server 2.9.10 and against Hermod: which messages fit a
 * request depends on how a message's size is counted (subject, headers, payload, ack reply), so a sweep of limits
 * over messages of different shapes must deliver the same messages and end with the same statuses on both.
 */
class PullMaxBytesDifferentialTest {
    private static final Duration WAIT = Duration.ofSeconds(3);
    private static final int[] LIMITS = {1, 10, 13, 14, 40, 60, 75, 80, 100, 120, 150, 200, 260, 400};

    @TempDir
    Path store;

    @Test
    void maxBytesLetsThroughTheSameMessagesAsNatsServer() throws Exception {
        NatsServerComparison.assertSameTranscript(store, PullMaxBytesDifferentialTest::transcript);
    }

    private static List<String> transcript(Connection nc) throws Exception {
        List<String> out = new ArrayList<>();
        request(nc, out, "$JS.API.STREAM.CREATE.S", "{\"name\":\"S\",\"subjects\":[\"m.>\"]}");
        publish(nc, out, "m.a", null, "0123456789");
        publish(nc, out, "m.bbbbbbbbbbbbbbbbbbbb", null, "x".repeat(50));
        publish(nc, out, "m.a", new Headers().add("K", "v"), "0123456789");
        publish(nc, out, "m.cc", null, "y".repeat(100));
        publish(nc, out, "m.a", null, "");
        for (int i = 0; i < LIMITS.length; i++) {
            String consumer = "C" + i;
            request(nc, out, "$JS.API.CONSUMER.CREATE.S." + consumer, "{\"stream_name\":\"S\",\"config\":{"
                    + "\"durable_name\":\"" + consumer + "\",\"ack_policy\":\"none\"}}");
            pull(nc, out, consumer, "{\"batch\":10,\"max_bytes\":" + LIMITS[i] + ",\"expires\":300000000}");
            request(nc, out, "$JS.API.CONSUMER.INFO.S." + consumer, "");
        }
        return out;
    }

    private static void publish(Connection nc, List<String> out, String subject, Headers headers, String body)
            throws Exception {
        Message reply = nc.request(NatsMessage.builder().subject(subject).headers(headers)
                .data(body.getBytes(StandardCharsets.UTF_8)).build(), WAIT);
        out.add("publish " + subject + " -> " + new String(reply.getData(), StandardCharsets.UTF_8));
    }

    private static void request(Connection nc, List<String> out, String subject, String body) throws Exception {
        Message reply = nc.request(subject, body.getBytes(StandardCharsets.UTF_8), WAIT);
        String json = new String(reply.getData(), StandardCharsets.UTF_8)
                .replaceAll("\"(created|last_active|ts)\":\"[^\"]+\"", "\"$1\":\"T\"");
        out.add(subject + " -> " + json);
    }

    /** Records each delivery's stream sequence, then the status (or silence) that ends the request. */
    private static void pull(Connection nc, List<String> out, String consumer, String body) throws Exception {
        Subscription sub = nc.subscribe(nc.createInbox());
        nc.publish("$JS.API.CONSUMER.MSG.NEXT.S." + consumer, sub.getSubject(), body.getBytes(StandardCharsets.UTF_8));
        StringBuilder line = new StringBuilder("pull " + consumer + " " + body + ":");
        while (true) {
            Message m = sub.nextMessage(WAIT);
            if (m == null) {
                line.append(" nothing more");
                break;
            }
            if (m.isStatusMessage()) {
                line.append(" status ").append(m.getStatus().getCode()).append(' ')
                        .append(m.getStatus().getMessage()).append(' ')
                        .append(m.getHeaders() == null ? "{}" : m.getHeaders().entrySet());
                break;
            }
            line.append(" seq ").append(m.metaData().streamSequence());
        }
        sub.unsubscribe();
        out.add(line.toString());
    }
}
