package io.hermod.core.server;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** A real Hermod server on an ephemeral 127.0.0.1 port, for one test. */
final class RunningServer implements AutoCloseable {
    private final HermodServer server;

    private RunningServer(HermodServer server) {
        this.server = server;
    }

    static RunningServer start() throws InterruptedException {
        return start(b -> b);
    }

    static RunningServer start(UnaryOperator<ServerOptions.Builder> customize) throws InterruptedException {
        ServerOptions options = customize.apply(ServerOptions.builder().host("127.0.0.1").port(0)).build();
        return new RunningServer(new HermodServer(options).start());
    }

    HermodServer server() {
        return server;
    }

    /**
     * The server's connection count once it has settled on {@code expected}, or the last count seen when
     * {@code within} runs out: a client sees its connection closed before the server's close listener has run.
     */
    int connectionCountSettlingOn(int expected, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        int count = server.connectionCount();
        while (count != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
            count = server.connectionCount();
        }
        return count;
    }

    int port() {
        return server.port();
    }

    String url() {
        return "nats://127.0.0.1:" + server.port();
    }

    Connection connect() throws IOException, InterruptedException {
        return connect(b -> b);
    }

    /** The websocket listener's plain {@code ws://} URL. */
    String websocketUrl() {
        return "ws://127.0.0.1:" + server.websocketPort();
    }

    Connection connect(UnaryOperator<Options.Builder> customize) throws IOException, InterruptedException {
        return connect(url(), customize);
    }

    /** A jnats connection to {@code url} (nats://, ws:// or wss://) that does not reconnect. */
    static Connection connect(String url, UnaryOperator<Options.Builder> customize)
            throws IOException, InterruptedException {
        Options.Builder b = new Options.Builder().server(url).connectionTimeout(Duration.ofSeconds(5))
                .maxReconnects(0).errorListener(new QuietErrorListener());
        return Nats.connect(customize.apply(b).build());
    }

    @Override
    public void close() {
        server.close();
    }
}
