package io.hermod.store.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermod.core.server.HermodServer;
import io.hermod.core.server.ServerOptions;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitoring endpoint /jsz shows what the running JetStream holds, and says disabled once it stops. */
class JszReportTest {

    @Test
    void jszReportsStreamsMessagesAndApiCallsWhileJetStreamRuns(@TempDir Path store) throws Exception {
        ServerOptions options = ServerOptions.builder().host("127.0.0.1").port(0).httpPort(-1).jetstream(true)
                .storeDir(store).build();
        HermodServer server = new HermodServer(options).start();
        try {
            JetStreamService jetStream = JetStreamService.start(server, JetStreamSettings.of(store));
            try (Connection nc = Nats.connect(new Options.Builder().server("nats://127.0.0.1:" + server.port())
                    .maxReconnects(0).build())) {
                nc.jetStreamManagement().addStream(StreamConfiguration.builder().name("ORDERS")
                        .subjects("orders.>").build());
                JetStream js = nc.jetStream();
                for (int i = 0; i < 3; i++) {
                    js.publish("orders.new", new byte[] {(byte) i});
                }
                JsonNode jsz = get(server.httpPort());
                assertNull(jsz.get("disabled"));
                assertEquals(1, jsz.get("streams").asLong());
                assertEquals(3, jsz.get("messages").asLong());
                assertTrue(jsz.get("bytes").asLong() > 0);
                assertTrue(jsz.get("storage").asLong() > 0);
                assertTrue(jsz.get("api").get("total").asLong() >= 1);
                assertEquals(store.toAbsolutePath().toString(), jsz.get("config").get("store_dir").asText());
            } finally {
                jetStream.close();
            }
            assertTrue(get(server.httpPort()).get("disabled").asBoolean(), "a stopped JetStream unregisters");
        } finally {
            server.close();
        }
    }

    private static JsonNode get(int httpPort) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/jsz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return new ObjectMapper().readTree(response.body());
    }
}
