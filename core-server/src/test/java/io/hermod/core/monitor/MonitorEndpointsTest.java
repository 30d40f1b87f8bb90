package io.hermod.core.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The endpoints after known traffic: connection "a" holds three subscriptions (two plain, one in a queue
 * group), connection "b" publishes five 3-byte messages to one of them.
 */
class MonitorEndpointsTest {
    private static final int MESSAGES = 5;
    private static final int PAYLOAD = 3;
    private static final Pattern RFC3339 = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z");
    private static final Pattern UPTIME = Pattern.compile("(\\d+y)?(\\d+d)?(\\d+h)?(\\d+m)?\\d+s");

    private MonitoredServer server;
    private Connection a;
    private Connection b;

    @BeforeEach
    void traffic() throws Exception {
        server = MonitoredServer.start();
        a = server.connect("a");
        Dispatcher dispatcher = a.createDispatcher(m -> { });
        dispatcher.subscribe("foo");
        dispatcher.subscribe("bar");
        dispatcher.subscribe("q.x", "g");
        a.flush(Duration.ofSeconds(5));
        b = server.connect("b");
        for (int i = 0; i < MESSAGES; i++) {
            b.publish("foo", "abc".getBytes(StandardCharsets.US_ASCII));
        }
        // After the PONG, the server routed every publish: the counters are final.
        b.flush(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws Exception {
        if (a != null) a.close();
        if (b != null) b.close();
        server.close();
    }

    @Test
    void varzShowsOptionsAndCounters() throws Exception {
        JsonNode varz = server.json("/varz");
        assertEquals(server.server().serverId(), varz.get("server_id").asText());
        assertEquals("2.9.10", varz.get("version").asText());
        assertEquals(1, varz.get("proto").asInt());
        assertEquals("127.0.0.1", varz.get("host").asText());
        assertEquals(server.server().port(), varz.get("port").asInt());
        assertEquals("127.0.0.1", varz.get("http_host").asText());
        assertEquals(server.server().httpPort(), varz.get("http_port").asInt());
        assertEquals(120_000_000_000L, varz.get("ping_interval").asLong());
        assertEquals(10_000_000_000L, varz.get("write_deadline").asLong());
        assertEquals(1024 * 1024, varz.get("max_payload").asInt());
        assertEquals(2, varz.get("connections").asInt());
        assertEquals(2, varz.get("total_connections").asInt());
        assertEquals(MESSAGES, varz.get("in_msgs").asInt());
        assertEquals(MESSAGES, varz.get("out_msgs").asInt());
        assertEquals(MESSAGES * PAYLOAD, varz.get("in_bytes").asInt());
        assertEquals(MESSAGES * PAYLOAD, varz.get("out_bytes").asInt());
        assertEquals(0, varz.get("slow_consumers").asInt());
        assertEquals(3, varz.get("subscriptions").asInt());
        assertEquals(0, varz.get("routes").asInt());
        assertTrue(RFC3339.matcher(varz.get("start").asText()).matches(), varz.get("start").asText());
        assertTrue(RFC3339.matcher(varz.get("now").asText()).matches());
        assertTrue(UPTIME.matcher(varz.get("uptime").asText()).matches(), varz.get("uptime").asText());
        assertTrue(varz.get("cores").asInt() > 0);
        assertTrue(varz.get("mem").asLong() > 0);
        assertFalse(varz.has("max_subscriptions"), "omitted when unlimited, as nats-server does");
        assertEquals(1, varz.get("http_req_stats").get("/varz").asInt());
    }

    @Test
    void connzListsConnectionsWithTheirCounters() throws Exception {
        JsonNode connz = server.json("/connz");
        assertEquals(2, connz.get("num_connections").asInt());
        assertEquals(2, connz.get("total").asInt());
        assertEquals(0, connz.get("offset").asInt());
        assertEquals(1024, connz.get("limit").asInt());
        JsonNode ca = connz.get("connections").get(0);
        JsonNode cb = connz.get("connections").get(1);
        assertTrue(ca.get("cid").asLong() < cb.get("cid").asLong(), "sorted by cid");
        assertEquals("a", ca.get("name").asText());
        assertEquals("b", cb.get("name").asText());
        assertEquals("java", ca.get("lang").asText());
        assertEquals("Client", ca.get("kind").asText());
        assertEquals("nats", ca.get("type").asText());
        assertEquals("127.0.0.1", ca.get("ip").asText());
        assertTrue(ca.get("port").asInt() > 0);
        assertEquals(3, ca.get("subscriptions").asInt());
        assertEquals(MESSAGES, ca.get("out_msgs").asInt());
        assertEquals(MESSAGES * PAYLOAD, ca.get("out_bytes").asInt());
        assertEquals(0, ca.get("in_msgs").asInt());
        assertEquals(MESSAGES, cb.get("in_msgs").asInt());
        assertEquals(MESSAGES * PAYLOAD, cb.get("in_bytes").asInt());
        assertEquals(0, cb.get("subscriptions").asInt());
        assertEquals(0, ca.get("pending_bytes").asInt());
        assertTrue(RFC3339.matcher(ca.get("last_activity").asText()).matches());
        assertTrue(UPTIME.matcher(ca.get("idle").asText()).matches());
        assertFalse(ca.has("subscriptions_list"));
        assertFalse(ca.has("stop"));
    }

    @Test
    void connzSubscriptionLists() throws Exception {
        JsonNode plain = server.json("/connz?subs=1").get("connections").get(0);
        List<String> subjects = new ArrayList<>();
        plain.get("subscriptions_list").forEach(n -> subjects.add(n.asText()));
        subjects.sort(null);
        assertEquals(List.of("bar", "foo", "q.x"), subjects);
        assertFalse(server.json("/connz?subs=1").get("connections").get(1).has("subscriptions_list"),
                "left out when empty");

        JsonNode detail = server.json("/connz?subs=detail").get("connections").get(0);
        assertFalse(detail.has("subscriptions_list"));
        int checked = 0;
        for (JsonNode sub : detail.get("subscriptions_list_detail")) {
            assertEquals(plain.get("cid").asLong(), sub.get("cid").asLong());
            assertFalse(sub.has("account"), "nats-server leaves the account out under /connz");
            switch (sub.get("subject").asText()) {
                case "foo" -> assertEquals(MESSAGES, sub.get("msgs").asInt());
                case "q.x" -> assertEquals("g", sub.get("qgroup").asText());
                case "bar" -> assertFalse(sub.has("qgroup"));
                default -> throw new AssertionError(sub.toString());
            }
            checked++;
        }
        assertEquals(3, checked);
    }

    @Test
    void connzSortsAndPages() throws Exception {
        String cidA = server.json("/connz").get("connections").get(0).get("cid").asText();
        String cidB = server.json("/connz").get("connections").get(1).get("cid").asText();
        assertEquals(cidB, firstCid("/connz?sort=msgs_from"));
        assertEquals(cidB, firstCid("/connz?sort=bytes_from"));
        assertEquals(cidA, firstCid("/connz?sort=msgs_to"));
        assertEquals(cidA, firstCid("/connz?sort=bytes_to"));
        assertEquals(cidA, firstCid("/connz?sort=subs"));
        assertEquals(cidA, firstCid("/connz?sort=cid"));
        assertEquals(cidA, firstCid("/connz?sort=start"));
        for (String key : List.of("pending", "last", "idle", "uptime")) {
            assertEquals(2, server.json("/connz?sort=" + key).get("num_connections").asInt(), key);
        }

        JsonNode page = server.json("/connz?offset=1&limit=1");
        assertEquals(1, page.get("num_connections").asInt());
        assertEquals(2, page.get("total").asInt());
        assertEquals(1, page.get("limit").asInt());
        assertEquals(cidB, page.get("connections").get(0).get("cid").asText());
        assertEquals(0, server.json("/connz?offset=5").get("num_connections").asInt());

        JsonNode one = server.json("/connz?cid=" + cidB);
        assertEquals(1, one.get("num_connections").asInt());
        assertEquals(1, one.get("limit").asInt());
        assertEquals("b", one.get("connections").get(0).get("name").asText());
        assertEquals(0, server.json("/connz?cid=999999").get("num_connections").asInt());
    }

    @Test
    void connzRefusesBadParametersWithNatsWording() throws Exception {
        assertBadRequest("/connz?sort=bad", "invalid sorting option: bad");
        assertBadRequest("/connz?sort=stop", "sort by stop only valid on closed connections");
        assertBadRequest("/connz?sort=reason", "sort by reason only valid on closed connections");
        assertBadRequest("/connz?limit=x", "Error decoding int for 'limit': strconv.Atoi: parsing \"x\": invalid syntax");
        assertBadRequest("/connz?subs=x",
                "Error decoding boolean for 'subs': strconv.ParseBool: parsing \"x\": invalid syntax");
        assertBadRequest("/connz?state=bogus", "Error decoding state for bogus");
        assertBadRequest("/connz?cid=-1",
                "Error decoding uint64 for 'cid': strconv.ParseUint: parsing \"-1\": invalid syntax");
    }

    @Test
    void closedConnectionsAreKeptWithTheirReason() throws Exception {
        long cidB = server.json("/connz").get("connections").get(1).get("cid").asLong();
        b.close();
        b = null;
        JsonNode closed = server.awaitJson("/connz?state=closed&subs=1", n -> n.get("num_connections").asInt() == 1);
        JsonNode cb = closed.get("connections").get(0);
        assertEquals(cidB, cb.get("cid").asLong());
        assertEquals("Client Closed", cb.get("reason").asText());
        assertTrue(RFC3339.matcher(cb.get("stop").asText()).matches());
        assertEquals(MESSAGES, cb.get("in_msgs").asInt());
        assertEquals(1, server.json("/connz").get("num_connections").asInt());
        JsonNode all = server.json("/connz?state=all");
        assertEquals(2, all.get("total").asInt());
        assertEquals(cidB, server.json("/connz?state=closed&sort=stop").get("connections").get(0).get("cid").asLong());
    }

    @Test
    void rttIsMeasuredFromTheFirstPingAfterConnect() throws Exception {
        JsonNode connz = server.awaitJson("/connz", n -> !n.get("connections").get(0).get("rtt").asText().equals("0s"));
        String rtt = connz.get("connections").get(0).get("rtt").asText();
        assertTrue(rtt.matches("[0-9.]+(ns|µs|ms|s)"), rtt);
    }

    @Test
    void subszShowsIndexCounters() throws Exception {
        JsonNode subsz = server.json("/subsz");
        assertEquals(3, subsz.get("num_subscriptions").asInt());
        assertEquals(3, subsz.get("num_inserts").asInt());
        assertEquals(0, subsz.get("num_removes").asInt());
        assertEquals(MESSAGES, subsz.get("num_matches").asInt());
        assertEquals(1, subsz.get("num_cache").asInt());
        assertEquals((MESSAGES - 1) / (double) MESSAGES, subsz.get("cache_hit_rate").asDouble(), 1e-9);
        assertEquals(1, subsz.get("max_fanout").asInt());
        assertEquals(1.0, subsz.get("avg_fanout").asDouble(), 1e-9);
        assertFalse(subsz.has("subscriptions_list"));

        JsonNode list = server.json("/subsz?subs=1");
        assertEquals(3, list.get("total").asInt());
        assertEquals("$G", list.get("subscriptions_list").get(0).get("account").asText());
        JsonNode tested = server.json("/subsz?subs=1&test=q.x");
        assertEquals(1, tested.get("total").asInt());
        assertEquals("g", tested.get("subscriptions_list").get(0).get("qgroup").asText());
        assertBadRequest("/subsz?subs=1&test=q.*", "invalid test subject, must be valid publish subject: q.*");

        a.close();
        a = null;
        JsonNode after = server.awaitJson("/subsz", n -> n.get("num_subscriptions").asInt() == 0);
        assertEquals(3, after.get("num_removes").asInt());
    }

    @Test
    void healthzRootAndUnknownPaths() throws Exception {
        HttpResponse<String> health = server.get("/healthz");
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"ok\"}", health.body());
        assertEquals("application/json", health.headers().firstValue("Content-Type").orElse(""));

        HttpResponse<String> root = server.get("/");
        assertEquals(200, root.statusCode());
        assertTrue(root.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        for (String link : List.of("./varz", "./connz", "./subsz", "./healthz", "./metrics")) {
            assertTrue(root.body().contains("href=" + link), link);
        }

        HttpResponse<String> jsonp = server.get("/healthz?callback=cb");
        assertEquals("cb({\"status\":\"ok\"})", jsonp.body());
        assertEquals("application/javascript", jsonp.headers().firstValue("Content-Type").orElse(""));
        assertEquals(3, server.json("/subscriptionsz").get("num_subscriptions").asInt(), "nats-server's old name");

        for (String path : List.of("/nope", "/varz/", "/connz/x", "/jsz/")) {
            HttpResponse<String> missing = server.get(path);
            assertEquals(404, missing.statusCode(), path);
            assertEquals("404 page not found\n", missing.body());
        }
    }

    @Test
    void jszSaysDisabledWithoutJetStreamAndReportsWhatJetStreamHandsOver() throws Exception {
        JsonNode off = server.json("/jsz");
        assertTrue(off.get("disabled").asBoolean());
        assertEquals(0, off.get("streams").asLong());
        assertEquals(0, off.get("config").get("max_storage").asLong());

        server.server().jetStreamReporter(() -> new io.hermod.core.monitor.JetStreamReport(
                1024, 4096, "/data/store", 10, 20, 7, 1, 2, 3, 40, 50, java.util.List.of(
                        new io.hermod.core.monitor.JetStreamReport.StreamFigures("ORDERS", 30, 35, 11, 40, 2),
                        new io.hermod.core.monitor.JetStreamReport.StreamFigures("a\"b", 10, 15, 1, 10, 1)),
                java.util.List.of(new io.hermod.core.monitor.JetStreamReport.ConsumerFigures("ORDERS", "c1",
                        4, 3, 1, 2, 36, 33))));
        JsonNode on = server.json("/jsz");
        assertNull(on.get("disabled"), "nats-server leaves the flag out when JetStream runs");
        assertEquals(4096, on.get("config").get("max_storage").asLong());
        assertEquals("/data/store", on.get("config").get("store_dir").asText());
        assertEquals(20, on.get("storage").asLong());
        assertEquals(7, on.get("api").get("total").asLong());
        assertEquals(1, on.get("api").get("errors").asLong());
        assertEquals(2, on.get("streams").asLong());
        assertEquals(3, on.get("consumers").asLong());
        assertEquals(40, on.get("messages").asLong());
        assertEquals(50, on.get("bytes").asLong());
        assertEquals(1, on.get("accounts").asLong());

        String metrics = server.get("/metrics").body();
        assertTrue(metrics.contains("\nhermod_jetstream_streams 2\n"), metrics);
        assertTrue(metrics.contains("\nhermod_jetstream_api_requests_total 7\n"), metrics);
        assertTrue(metrics.contains("# TYPE hermod_stream_messages gauge\nhermod_stream_messages{stream=\"ORDERS\"} 30\n"
                + "hermod_stream_messages{stream=\"a\\\"b\"} 10\n"), metrics);
        assertTrue(metrics.contains("hermod_stream_last_seq{stream=\"ORDERS\"} 40\n"), metrics);
        assertTrue(metrics.contains("hermod_stream_consumers{stream=\"ORDERS\"} 2\n"), metrics);
        assertTrue(metrics.contains("hermod_consumer_num_pending{stream=\"ORDERS\",consumer=\"c1\"} 4\n"), metrics);
        assertTrue(metrics.contains("hermod_consumer_num_ack_pending{stream=\"ORDERS\",consumer=\"c1\"} 3\n"),
                metrics);
        assertTrue(metrics.contains("hermod_consumer_ack_floor_stream_seq{stream=\"ORDERS\",consumer=\"c1\"} 33\n"),
                metrics);
    }

    @Test
    void metricsInPrometheusTextFormat() throws Exception {
        HttpResponse<String> response = server.get("/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        PrometheusSamples samples = PrometheusSamples.parse(response.body());
        assertEquals(2, samples.value("hermod_connections"));
        assertEquals(2, samples.value("hermod_connections_total"));
        assertEquals(MESSAGES, samples.value("hermod_in_messages_total"));
        assertEquals(MESSAGES, samples.value("hermod_out_messages_total"));
        assertEquals(MESSAGES * PAYLOAD, samples.value("hermod_in_bytes_total"));
        assertEquals(MESSAGES * PAYLOAD, samples.value("hermod_out_bytes_total"));
        assertEquals(0, samples.value("hermod_slow_consumers_total"));
        assertEquals(3, samples.value("hermod_subscriptions"));
        assertEquals("counter", samples.type("hermod_in_messages_total"));
        assertEquals("gauge", samples.type("hermod_connections"));
        assertTrue(samples.value("process_resident_memory_bytes") > 0);
        assertTrue(samples.value("process_cpu_seconds_total") > 0);
        assertTrue(samples.value("process_open_fds") > 0);
        assertTrue(samples.value("hermod_uptime_seconds") >= 0);
    }

    private String firstCid(String path) throws Exception {
        return server.json(path).get("connections").get(0).get("cid").asText();
    }

    private void assertBadRequest(String path, String text) throws Exception {
        HttpResponse<String> response = server.get(path);
        assertEquals(400, response.statusCode(), path);
        assertEquals(text, response.body(), path);
    }
}
