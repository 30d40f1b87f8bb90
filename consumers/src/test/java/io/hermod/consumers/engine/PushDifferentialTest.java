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
import java.util.Map;
import java.util.TreeMap;

/**
 * One scenario of push consumers run against nats-server 2.9.10 and against Hermod, through a raw (non-JetStream)
 * client so that every delivery, status and header is seen as sent: consumer info before, while and after a
 * subscriber is bound, a deliver group bound only by its members, acks and naks, refused updates, idle heartbeats, flow control requests and the stall they
 * cause, removal of an idle ephemeral. Creation and activity times, ack subject timestamps, generated names and the
 * random part of flow control subjects are blanked out. Skipped when nats-server is not installed (failed under CI).
 */
class PushDifferentialTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path store;

    @Test
    void hermodAnswersAsNatsServer() throws Exception {
        NatsServerComparison.assertSameTranscript(store, PushDifferentialTest::transcript);
    }

    private static List<String> transcript(Connection nc) throws Exception {
        List<String> out = new ArrayList<>();
        request(nc, out, "$JS.API.STREAM.CREATE.S", "{\"name\":\"S\",\"subjects\":[\"s.>\"]}", false);
        for (String subject : List.of("s.a", "s.a", "s.a", "s.b")) {
            request(nc, out, subject, "m", false);
        }
        request(nc, out, "$JS.API.CONSUMER.DURABLE.CREATE.S.P", "{\"stream_name\":\"S\",\"config\":"
                + "{\"durable_name\":\"P\",\"deliver_subject\":\"push.p\",\"ack_policy\":\"explicit\"}}", true);
        request(nc, out, "$JS.API.CONSUMER.INFO.S.P", "", true);

        Subscription p = nc.subscribe("push.p");
        List<Message> four = receive(out, p, 4);
        request(nc, out, "$JS.API.CONSUMER.INFO.S.P", "", true);
        request(nc, out, four.get(0).getReplyTo(), "+ACK", true);
        request(nc, out, four.get(2).getReplyTo(), "+ACK", true);
        nc.publish(four.get(1).getReplyTo(), "-NAK".getBytes(StandardCharsets.UTF_8));
        receive(out, p, 1);
        request(nc, out, "$JS.API.CONSUMER.INFO.S.P", "", true);
        request(nc, out, "$JS.API.CONSUMER.DURABLE.CREATE.S.P", "{\"stream_name\":\"S\",\"config\":"
                + "{\"durable_name\":\"P\",\"deliver_subject\":\"push.other\",\"ack_policy\":\"explicit\"}}", true);
        request(nc, out, "$JS.API.CONSUMER.DURABLE.CREATE.S.P", "{\"stream_name\":\"S\",\"config\":"
                + "{\"durable_name\":\"P\",\"deliver_subject\":\"push.p\",\"ack_policy\":\"explicit\","
                + "\"idle_heartbeat\":1000000000}}", true);
        request(nc, out, "$JS.API.CONSUMER.MSG.NEXT.S.P", "1", true);
        p.unsubscribe();
        nc.flush(WAIT);
        out.add("unbound: " + waitFor(nc, "$JS.API.CONSUMER.INFO.S.P", s -> !s.contains("push_bound")));
        request(nc, out, "$JS.API.CONSUMER.DURABLE.CREATE.S.P", "{\"stream_name\":\"S\",\"config\":"
                + "{\"durable_name\":\"P\",\"deliver_subject\":\"push.other\",\"ack_policy\":\"explicit\"}}", true);
        Subscription other = nc.subscribe("push.other");
        receive(out, other, 2); // the pending messages, due again at the new deliver subject
        other.unsubscribe();

        Subscription plain = nc.subscribe("push.g");
        nc.flush(WAIT);
        request(nc, out, "$JS.API.CONSUMER.DURABLE.CREATE.S.G", "{\"stream_name\":\"S\",\"config\":"
                + "{\"durable_name\":\"G\",\"deliver_subject\":\"push.g\",\"deliver_group\":\"grp\","
                + "\"ack_policy\":\"none\"}}", true);
        request(nc, out, "$JS.API.CONSUMER.INFO.S.G", "", true);
        Subscription member = nc.subscribe("push.g", "grp");
        receive(out, member, 4);
        request(nc, out, "$JS.API.CONSUMER.INFO.S.G", "", true);
        member.unsubscribe();
        plain.unsubscribe();

        Subscription h = nc.subscribe("push.h");
        nc.flush(WAIT);
        request(nc, out, "$JS.API.CONSUMER.DURABLE.CREATE.S.H", "{\"stream_name\":\"S\",\"config\":"
                + "{\"durable_name\":\"H\",\"deliver_subject\":\"push.h\",\"filter_subject\":\"s.b\","
                + "\"idle_heartbeat\":100000000,\"flow_control\":true}}", true);
        receive(out, h, 2);
        h.unsubscribe();

        request(nc, out, "$JS.API.STREAM.CREATE.B", "{\"name\":\"B\",\"subjects\":[\"b.>\"]}", false);
        String big = "x".repeat(64 * 1024);
        for (int i = 0; i < 40; i++) {
            request(nc, out, "b.x", big, false);
        }
        Subscription fc = nc.subscribe("push.fc");
        nc.flush(WAIT);
        request(nc, out, "$JS.API.CONSUMER.DURABLE.CREATE.B.FC", "{\"stream_name\":\"B\",\"config\":"
                + "{\"durable_name\":\"FC\",\"deliver_subject\":\"push.fc\",\"idle_heartbeat\":500000000,"
                + "\"flow_control\":true}}", true);
        flowControl(nc, out, fc);
        fc.unsubscribe();

        request(nc, out, "$JS.API.CONSUMER.CREATE.S", "{\"stream_name\":\"S\",\"config\":"
                + "{\"deliver_subject\":\"push.e\",\"inactive_threshold\":300000000,\"ack_policy\":\"none\","
                + "\"max_deliver\":1,\"flow_control\":true,\"idle_heartbeat\":5000000000,\"mem_storage\":true,"
                + "\"num_replicas\":1,\"filter_subject\":\"s.a\"}}", true);
        out.add("ephemeral removed: " + waitFor(nc, "$JS.API.CONSUMER.NAMES.S", s -> s.contains("\"total\":3")));
        return out;
    }

    /**
     * Records the deliveries up to the first flow control request, the stall past the window, the heartbeat that
     * names the request, and the deliveries after the answer.
     */
    private static void flowControl(Connection nc, List<String> out, Subscription fc) throws Exception {
        int delivered = 0;
        String request = null;
        String stalled = null;
        while (stalled == null) {
            Message m = fc.nextMessage(WAIT);
            if (m == null) {
                out.add("flow control: nothing after " + delivered);
                return;
            }
            if (!m.isStatusMessage()) {
                delivered++;
                continue;
            }
            if (m.getStatus().getCode() == 100 && m.getStatus().getMessage().contains("FlowControl")) {
                request = m.getReplyTo();
                out.add("flow control request after " + delivered + ": " + status(m));
            } else {
                stalled = m.getHeaders() == null ? "" : m.getHeaders().getFirst("Nats-Consumer-Stalled");
                out.add("heartbeat after " + delivered + ": " + status(m));
                out.add("stalled on the request: " + (request != null && request.equals(stalled)));
            }
        }
        nc.publish(request, null);
        while (delivered < 40) {
            Message m = fc.nextMessage(WAIT);
            if (m == null) {
                out.add("flow control: nothing after " + delivered);
                return;
            }
            if (m.isStatusMessage()) {
                out.add("after the answer, at " + delivered + ": " + status(m));
            } else {
                delivered++;
            }
        }
        out.add("all delivered after the answer: " + delivered);
    }

    private static List<Message> receive(List<String> out, Subscription sub, int count) throws Exception {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message m = sub.nextMessage(WAIT);
            if (m == null) {
                out.add(sub.getSubject() + ": nothing");
                break;
            }
            if (m.isStatusMessage()) {
                out.add(sub.getSubject() + ": " + status(m));
                continue;
            }
            messages.add(m);
            String[] ack = m.getReplyTo().split("\\.");
            ack[7] = "TS";
            out.add(sub.getSubject() + ": " + m.getSubject() + " " + String.join(".", ack) + " "
                    + new String(m.getData(), StandardCharsets.UTF_8));
        }
        return messages;
    }

    private static String status(Message m) {
        Map<String, List<String>> headers = new TreeMap<>();
        if (m.getHeaders() != null) {
            m.getHeaders().entrySet().forEach(e -> headers.put(e.getKey(), e.getValue()));
        }
        // nats-server writes an empty reply where Hermod writes none: both mean no reply
        String reply = m.getReplyTo() == null || m.getReplyTo().isEmpty() ? "-"
                : m.getReplyTo().replaceAll("\\.[^.]{4}$", ".RAND");
        String subject = m.getSubject().startsWith("_INBOX.") ? "INBOX" : m.getSubject();
        headers.computeIfPresent("Nats-Consumer-Stalled", (k, v) -> List.of(v.get(0).replaceAll("\\.[^.]{4}$", ".RAND")));
        return subject + " " + reply + " " + m.getStatus().getCode() + " " + m.getStatus().getMessage() + " "
                + headers;
    }

    private static String waitFor(Connection nc, String subject, java.util.function.Predicate<String> done)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.multipliedBy(2).toNanos();
        while (true) {
            Message reply = nc.request(subject, new byte[0], WAIT);
            String text = normalize(new String(reply.getData(), StandardCharsets.UTF_8));
            if (done.test(text) || System.nanoTime() > deadline) {
                return text;
            }
            Thread.sleep(50);
        }
    }

    private static void request(Connection nc, List<String> out, String subject, String body, boolean record)
            throws Exception {
        Message reply = nc.request(subject, body.getBytes(StandardCharsets.UTF_8), WAIT);
        if (!record) {
            return;
        }
        String shown = subject.startsWith("$JS.ACK.") ? "ack" : subject;
        if (reply == null) {
            out.add(shown + " -> no reply");
        } else if (reply.isStatusMessage()) {
            out.add(shown + " -> " + status(reply));
        } else {
            out.add(shown + " -> " + normalize(new String(reply.getData(), StandardCharsets.UTF_8)));
        }
    }

    private static String normalize(String json) {
        return json.replaceAll("\"(created|last_active)\":\"[^\"]+\"", "\"$1\":\"T\"")
                .replaceAll("\"name\":\"[A-Za-z0-9]{8}\"", "\"name\":\"EPHEMERAL\"");
    }
}
