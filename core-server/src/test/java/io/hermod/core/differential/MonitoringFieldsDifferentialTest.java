package io.hermod.core.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.hermod.core.server.HermodServer;
import io.hermod.core.server.ServerOptions;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The monitoring documents of nats-server 2.9.10 and Hermod after the same traffic, compared by field names (and
 * JSON types), not values: every field Hermod emits must exist in nats-server's output with the same JSON type,
 * and the fields Hermod leaves out are exactly those listed below, each with its reason.
 */
class MonitoringFieldsDifferentialTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(10);

    /** nats-server fields Hermod does not emit, and why. Keys are paths as {@link #fields} writes them. */
    private static final Map<String, String> LEFT_OUT = Map.ofEntries(
            Map.entry("varz.go", "the Go version nats-server was built with; Hermod is not a Go program"),
            Map.entry("varz.gomaxprocs", "Go runtime setting; cores says how many processors Hermod uses"),
            Map.entry("varz.cluster", "no clustering (routes) in Hermod"),
            Map.entry("varz.gateway", "no gateways (super-clusters) in Hermod"),
            Map.entry("varz.leaf", "no leaf nodes in Hermod"),
            Map.entry("varz.mqtt", "no MQTT listener in Hermod"),
            Map.entry("varz.websocket", "Hermod's WebSocket settings are not reported here yet"),
            Map.entry("varz.system_account", "no accounts, hence no system account, in Hermod yet"));

    @Test
    void hermodEmitsOnlyNatsServerFieldsAndNamesWhatItLeavesOut() throws Exception {
        Map<String, JsonNodeType> nats;
        try (NatsServerProcess server = NatsServerProcess.startWithMonitoring(ServerSettings.defaults())) {
            nats = observe(server.port(), server.httpPort());
        }
        Map<String, JsonNodeType> hermod;
        HermodServer server = new HermodServer(ServerOptions.builder().host("127.0.0.1").port(0).httpPort(-1).build())
                .start();
        try {
            hermod = observe(server.port(), server.httpPort());
        } finally {
            server.close();
        }

        Set<String> extra = new TreeSet<>(hermod.keySet());
        extra.removeAll(nats.keySet());
        assertEquals(Set.of(), extra, "fields Hermod emits that nats-server does not");

        Map<String, String> typeMismatches = new TreeMap<>();
        hermod.forEach((field, type) -> {
            if (nats.get(field) != type) {
                typeMismatches.put(field, "hermod " + type + ", nats-server " + nats.get(field));
            }
        });
        assertEquals(Map.of(), typeMismatches, "fields whose JSON type differs");

        Set<String> missing = new TreeSet<>(nats.keySet());
        missing.removeAll(hermod.keySet());
        assertEquals(new TreeSet<>(LEFT_OUT.keySet()), missing, "nats-server fields Hermod leaves out");
    }

    /**
     * Connection "a" subscribes (plainly and in a queue group), connection "b" publishes to it and then closes;
     * the documents are read once b shows up as closed.
     */
    private static Map<String, JsonNodeType> observe(int clientPort, int httpPort) throws Exception {
        Map<String, JsonNodeType> fields = new TreeMap<>();
        try (Connection a = connect(clientPort, "a")) {
            Dispatcher dispatcher = a.createDispatcher(m -> { });
            dispatcher.subscribe("foo");
            dispatcher.subscribe("q.x", "g");
            a.flush(Duration.ofSeconds(5));
            try (Connection b = connect(clientPort, "b")) {
                b.publish("foo", "hello".getBytes(StandardCharsets.US_ASCII));
                b.flush(Duration.ofSeconds(5));
            }
            HttpClient http = HttpClient.newHttpClient();
            awaitClosed(http, httpPort);
            fields(get(http, httpPort, "/varz"), "varz", fields);
            fields(get(http, httpPort, "/connz?subs=1"), "connz", fields);
            fields(get(http, httpPort, "/connz?subs=detail"), "connz", fields);
            fields(get(http, httpPort, "/connz?state=closed&subs=detail"), "connz", fields);
            fields(get(http, httpPort, "/subsz"), "subsz", fields);
            fields(get(http, httpPort, "/subsz?subs=1&test=foo"), "subsz", fields);
            fields(get(http, httpPort, "/healthz"), "healthz", fields);
            fields(get(http, httpPort, "/jsz"), "jsz", fields);
        }
        return fields;
    }

    private static void awaitClosed(HttpClient http, int httpPort) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(WAIT_LIMIT);
        while (get(http, httpPort, "/connz?state=closed").get("num_connections").asInt() == 0) {
            assertTrue(Instant.now().isBefore(deadline), "closed connection not listed within " + WAIT_LIMIT);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // poll interval
        }
    }

    /**
     * Field paths with their JSON types: objects by key, array elements under {@code []} merged. The keys of
     * {@code http_req_stats} are request paths, not field names, so that map counts as one field.
     */
    private static void fields(JsonNode node, String path, Map<String, JsonNodeType> out) {
        if (node.isObject() && !path.endsWith(".http_req_stats")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = path + "." + e.getKey();
                out.put(child, e.getValue().getNodeType());
                fields(e.getValue(), child, out);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                fields(element, path + "[]", out);
            }
        }
    }

    private static Connection connect(int port, String name) throws IOException, InterruptedException {
        return Nats.connect(new Options.Builder().server("nats://127.0.0.1:" + port).connectionName(name)
                .connectionTimeout(Duration.ofSeconds(5)).maxReconnects(0).build());
    }

    private static JsonNode get(HttpClient http, int httpPort, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }
}
