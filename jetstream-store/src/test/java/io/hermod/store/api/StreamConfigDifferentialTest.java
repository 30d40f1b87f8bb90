package io.hermod.store.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Sends the invalid stream configurations of {@link StreamConfigCases#sameAsNats()} to a live {@code nats-server -js}
 * and checks that {@link StreamConfigValidator} refuses each with the same code, err_code and description, and that
 * the setup streams come out with the same configuration on both sides.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamConfigDifferentialTest {
    private NatsJetStreamServer server;
    private Connection connection;

    @BeforeAll
    void startNatsServerWithSetupStreams() throws IOException, InterruptedException {
        server = NatsJetStreamServer.start();
        connection = Nats.connect(new Options.Builder().server(server.url()).noReconnect().build());
        for (StreamConfigCase step : StreamConfigCase.SETUP) {
            JsonNode reply = send(step);
            assertNull(reply.get("error"), () -> step.body() + " refused by nats-server: " + reply);
        }
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static List<StreamConfigCase> cases() {
        return StreamConfigCases.sameAsNats();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hermodRefusesLikeNatsServer(StreamConfigCase refused) throws InterruptedException {
        JsonNode reply = send(refused);
        JsonNode error = reply.get("error");
        assertNotNull(error, () -> "nats-server accepted " + refused.body() + ": " + reply);
        ApiError natsError = GoJson.mapper().convertValue(error, ApiError.class);

        assertEquals(natsError, refused.hermodOutcome(StreamConfigCase.hermodSetup()));
    }

    @Test
    void setupStreamsGetTheSameConfigurationOnBothSides() throws InterruptedException {
        Map<String, StreamConfig> hermod = StreamConfigCase.hermodSetup();
        for (String name : hermod.keySet()) {
            Message info = connection.request("$JS.API.STREAM.INFO." + name, new byte[0], Duration.ofSeconds(5));
            assertNotNull(info, "no reply to STREAM.INFO." + name);
            String natsConfig = GoJson.writeString(readTree(info).get("config"));
            assertEquals(natsConfig, GoJson.writeString(hermod.get(name)));
        }
    }

    private JsonNode send(StreamConfigCase request) throws InterruptedException {
        Message reply = connection.request(request.subject(), request.body().getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(5));
        assertNotNull(reply, () -> "no reply from nats-server to " + request.subject());
        return readTree(reply);
    }

    private static JsonNode readTree(Message message) {
        try {
            return GoJson.mapper().readTree(message.getData());
        } catch (IOException e) {
            throw new IllegalStateException(new String(message.getData(), StandardCharsets.UTF_8), e);
        }
    }
}
