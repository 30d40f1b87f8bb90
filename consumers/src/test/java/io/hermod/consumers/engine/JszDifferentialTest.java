package io.hermod.consumers.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermod.store.api.NatsJetStreamServer;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code /jsz} with nats-server's detail options, and {@code /varz}'s {@code jetstream}, on the same streams and
 * consumers in nats-server 2.9.10 and in Hermod: the documents must be the same text once times, server ids and the
 * server's default limits (nats-server sizes them from this machine's memory and disk, Hermod leaves them
 * unlimited) are blanked out.
 */
class JszDifferentialTest {
    private static final List<String> QUERIES = List.of("", "?accounts=true", "?streams=true", "?consumers=true",
            "?consumers=true&config=true", "?acc=%24G", "?accounts=true&offset=1");

    @TempDir
    Path store;

    @Test
    void jszDetailsAreNatsServers() throws Exception {
        List<String> expected;
        try (NatsJetStreamServer nats = NatsJetStreamServer.start()) {
            expected = documents(nats.url(), nats.httpPort());
        }
        List<String> actual;
        try (ConsumerTestServer hermod = ConsumerTestServer.start(store)) {
            actual = documents(hermod.url(), hermod.httpPort());
        }
        for (int i = 0; i < QUERIES.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "/jsz" + QUERIES.get(i));
        }
        assertEquals(expected.get(QUERIES.size()), actual.get(QUERIES.size()), "/varz jetstream");
    }

    private static List<String> documents(String url, int httpPort) throws Exception {
        try (Connection nc = Nats.connect(new Options.Builder().server(url).noReconnect().build())) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            // One stream with one consumer: nats-server lists streams and consumers in Go's random map order.
            jsm.addStream(StreamConfiguration.builder().name("A").subjects("a.>").storageType(StorageType.Memory)
                    .build());
            nc.jetStream().publish("a.1", "one".getBytes());
            nc.jetStream().publish("a.2", "two".getBytes());
            jsm.addOrUpdateConsumer("A", ConsumerConfiguration.builder().durable("C").filterSubject("a.>").build());
        }
        List<String> documents = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        for (String query : QUERIES) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/jsz" + query)).build(),
                    HttpResponse.BodyHandlers.ofString());
            documents.add(response.statusCode() + " " + normalise(response.body()));
        }
        // /varz has the same configuration and usage under "jetstream".
        HttpResponse<String> varz = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/varz")).build(), HttpResponse.BodyHandlers.ofString());
        documents.add("varz " + normalise(new ObjectMapper().readTree(varz.body()).get("jetstream").toPrettyString()));
        return documents;
    }

    private static String normalise(String json) {
        return json.replaceAll("\"(now|created|first_ts|last_ts)\"( ?): \"[^\"]*\"", "\"$1\"$2: \"T\"")
                .replaceAll("N[A-Z0-9]{55}", "SERVER_ID")
                .replaceAll("\"(max_memory|max_storage)\"( ?): -?\\d+", "\"$1\"$2: LIMIT")
                .replaceAll("\"store_dir\"( ?): \"[^\"]*\"", "\"store_dir\"$1: \"DIR\"");
    }
}
