package io.hermod.core.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermod.core.server.HermodServer;
import io.hermod.core.server.ServerOptions;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** A Hermod server with monitoring on free 127.0.0.1 ports, and an HTTP client for its endpoints. */
final class MonitoredServer implements AutoCloseable {
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HermodServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MonitoredServer(HermodServer server) {
        this.server = server;
    }

    static MonitoredServer start() throws InterruptedException {
        return start(b -> b);
    }

    static MonitoredServer start(UnaryOperator<ServerOptions.Builder> customize) throws InterruptedException {
        ServerOptions options = customize.apply(ServerOptions.builder().host("127.0.0.1").port(0).httpPort(-1))
                .build();
        return new MonitoredServer(new HermodServer(options).start());
    }

    HermodServer server() {
        return server;
    }

    Connection connect(String name) throws IOException, InterruptedException {
        return Nats.connect(new Options.Builder().server("nats://127.0.0.1:" + server.port()).connectionName(name)
                .connectionTimeout(Duration.ofSeconds(5)).maxReconnects(0).build());
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = get(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new AssertionError(pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Polls the endpoint until the document satisfies the condition, or fails after a deadline. */
    JsonNode awaitJson(String pathAndQuery, Predicate<JsonNode> condition) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(WAIT_LIMIT);
        JsonNode last = json(pathAndQuery);
        while (!condition.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(pathAndQuery + " did not reach the expected state within " + WAIT_LIMIT
                        + "; last answer:\n" + last.toPrettyString());
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos()); // a poll interval, not a wait for the condition
            last = json(pathAndQuery);
        }
        return last;
    }

    @Override
    public void close() {
        server.close();
    }
}
