package io.hermod.consumers.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.hermod.store.api.NatsJetStreamServer;
import io.hermod.store.api.GoJson;
import io.hermod.store.api.JsApiException;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sends every {@link ConsumerConfigCases} request to a live nats-server 2.9.10 and checks that it answers what the
 * case says and what {@link ConsumerConfigValidator} decides: the same error, or the same configuration with
 * defaults applied. Skipped when nats-server is not installed (failed under CI).
 */
class ConsumerConfigDifferentialTest {
    private static NatsJetStreamServer server;
    private static Connection connection;

    @BeforeAll
    static void start() throws Exception {
        server = NatsJetStreamServer.start();
        connection = Nats.connect(new Options.Builder().server(server.url()).noReconnect().build());
        request("$JS.API.STREAM.CREATE.S", "{\"name\":\"S\",\"subjects\":[\"s.>\"],\"storage\":\"memory\"}");
        request("$JS.API.STREAM.CREATE.W",
                "{\"name\":\"W\",\"subjects\":[\"w.>\"],\"storage\":\"memory\",\"retention\":\"workqueue\"}");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void natsServerAndValidatorAgree() throws Exception {
        ConsumerConfigValidator validator = new ConsumerConfigValidator();
        for (ConsumerConfigCases.Case c : ConsumerConfigCases.CASES) {
            String subject = c.durable().isEmpty() ? "$JS.API.CONSUMER.CREATE." + c.stream()
                    : "$JS.API.CONSUMER.DURABLE.CREATE." + c.stream() + "." + c.durable();
            JsonNode reply = request(subject, "{\"stream_name\":\"" + c.stream() + "\",\"config\":" + c.configJson() + "}");
            ConsumerConfig requested = GoJson.read(c.configJson(), ConsumerConfig.class);
            String label = c.configJson().length() > 200 ? c.configJson().substring(0, 200) : c.configJson();
            if (c.errCode() != 0) {
                assertEquals(c.errCode(), reply.path("error").path("err_code").asInt(), () -> label + " -> " + reply);
                assertEquals(c.description(), reply.path("error").path("description").asText(), label);
                continue;
            }
            assertEquals(0, reply.path("error").path("err_code").asInt(), () -> label + " -> " + reply);
            ConsumerConfig natsConfig = GoJson.read(reply.path("config").toString(), ConsumerConfig.class);
            ConsumerConfig ours;
            try {
                ours = validator.validateNew(requested,
                        ConsumerConfigValidatorTest.S, List.of());
            } catch (JsApiException e) {
                throw new AssertionError(label + " refused by Hermod: " + e.getMessage(), e);
            }
            assertEquals(natsConfig, ours.toBuilder().name(natsConfig.name()).build(), label);
        }
    }

    private static JsonNode request(String subject, String body) throws Exception {
        Message reply = connection.request(subject, body.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
        assertNotNull(reply, () -> "no reply from nats-server to " + subject);
        return GoJson.mapper().readTree(reply.getData());
    }
}
