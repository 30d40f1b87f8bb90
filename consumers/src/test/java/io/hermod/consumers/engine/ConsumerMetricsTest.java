package io.hermod.consumers.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /metrics shows each consumer's pending and ack-pending counts, labelled by stream and consumer. */
class ConsumerMetricsTest {

    @Test
    void metricsShowEachConsumersPendingAndAckPending(@TempDir Path store) throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            nc.jetStreamManagement().addStream(StreamConfiguration.builder().name("ORDERS").subjects("orders.>")
                    .build());
            JetStream js = nc.jetStream();
            for (int i = 0; i < 3; i++) {
                js.publish("orders.new", new byte[] {(byte) i});
            }
            JetStreamSubscription sub = js.subscribe("orders.>", PullSubscribeOptions.builder()
                    .durable("worker").configuration(ConsumerConfiguration.builder().ackWait(Duration.ofMinutes(1))
                            .build()).build());
            List<Message> fetched = sub.fetch(2, Duration.ofSeconds(5));
            assertEquals(2, fetched.size());

            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.httpPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String labels = "{stream=\"ORDERS\",consumer=\"worker\"} ";
            assertTrue(metrics.contains("hermod_consumer_num_ack_pending" + labels + "2\n"), metrics);
            assertTrue(metrics.contains("hermod_consumer_num_pending" + labels + "1\n"), metrics);
            assertTrue(metrics.contains("hermod_consumer_delivered_stream_seq" + labels + "2\n"), metrics);
            assertTrue(metrics.contains("hermod_stream_consumers{stream=\"ORDERS\"} 1\n"), metrics);
            assertTrue(metrics.contains("hermod_stream_messages{stream=\"ORDERS\"} 3\n"), metrics);
        }
    }

    /** The details nats-server's /jsz adds on request, which prometheus-nats-exporter reads. */
    @Test
    void jszDetailsShowTheAccountItsStreamsAndTheirConsumersOnRequest(@TempDir Path store) throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            nc.jetStreamManagement().addStream(StreamConfiguration.builder().name("ORDERS").subjects("orders.>")
                    .build());
            nc.jetStream().publish("orders.new", new byte[] {1});
            nc.jetStreamManagement().addOrUpdateConsumer("ORDERS", ConsumerConfiguration.builder().durable("worker")
                    .build());

            JsonNode totals = jsz(server, "");
            assertNull(totals.get("account_details"), "only on request");
            JsonNode account = jsz(server, "?accounts=true").get("account_details").get(0);
            assertEquals("$G", account.get("name").asText());
            assertEquals("18446744073709551615", account.get("reserved_storage").asText());
            assertNull(account.get("stream_detail"));

            JsonNode stream = jsz(server, "?consumers=true").get("account_details").get(0).get("stream_detail").get(0);
            assertEquals("ORDERS", stream.get("name").asText());
            assertEquals(1, stream.get("state").get("messages").asLong());
            assertNull(stream.get("config"), "only with config=true");
            JsonNode consumer = stream.get("consumer_detail").get(0);
            assertEquals("worker", consumer.get("name").asText());
            assertEquals(1, consumer.get("num_pending").asLong());
            assertNull(consumer.get("config"));

            JsonNode configured = jsz(server, "?consumers=true&config=true").get("account_details").get(0)
                    .get("stream_detail").get(0);
            assertEquals("orders.>", configured.get("config").get("subjects").get(0).asText());
            assertEquals("worker", configured.get("consumer_detail").get(0).get("config").get("durable_name").asText());
            assertNull(jsz(server, "?accounts=true&offset=1").get("account_details"), "offset skips the one account");
        }
    }

    private static JsonNode jsz(ConsumerTestServer server, String query) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort() + "/jsz" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("orders.\\u003e") || !query.contains("config"),
                "Go's escaping of '>'");
        return new ObjectMapper().readTree(response.body());
    }
}
