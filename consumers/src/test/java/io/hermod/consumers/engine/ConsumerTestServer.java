package io.hermod.consumers.engine;

import io.hermod.core.server.HermodServer;
import io.hermod.core.server.ServerOptions;
import io.hermod.store.engine.JetStreamService;
import io.hermod.store.engine.JetStreamSettings;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Hermod server with JetStream and its consumers on an ephemeral 127.0.0.1 port, for one test; public for the
 * KeyValue and ObjectStore tests in their own package.
 */
public final class ConsumerTestServer implements AutoCloseable {
    private final HermodServer server;
    private final JetStreamService jetStream;
    private final ConsumerService consumers;

    private ConsumerTestServer(HermodServer server, JetStreamService jetStream, ConsumerService consumers) {
        this.server = server;
        this.jetStream = jetStream;
        this.consumers = consumers;
    }

    public static ConsumerTestServer start(Path storeDir) throws InterruptedException {
        // Monitoring on a free port, so tests can read the consumers' metrics too.
        ServerOptions options = ServerOptions.builder().host("127.0.0.1").port(0).httpPort(-1).jetstream(true)
                .storeDir(storeDir).build();
        HermodServer server = new HermodServer(options).start();
        JetStreamService jetStream = null;
        try {
            jetStream = JetStreamService.start(server, JetStreamSettings.of(storeDir));
            return new ConsumerTestServer(server, jetStream, ConsumerService.start(server, jetStream));
        } catch (RuntimeException e) {
            if (jetStream != null) {
                jetStream.close();
            }
            server.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    public String url() {
        return "nats://127.0.0.1:" + server.port();
    }

    public int httpPort() {
        return server.httpPort();
    }

    public Connection connect() throws IOException, InterruptedException {
        return connect(new ErrorListener() {
        });
    }

    /**
     * A jnats connection that reports to {@code listener} (flow control answered, heartbeat alarms...). Its
     * connection timeout, which jnats also takes as its JetStream API timeout, is generous: a first stream create
     * on a loaded machine can take seconds.
     */
    public Connection connect(ErrorListener listener) throws IOException, InterruptedException {
        return connectTo(url(), listener);
    }

    /** A jnats connection without reconnects and with a silent error listener, to Hermod or to nats-server. */
    public static Connection connectTo(String url) throws IOException, InterruptedException {
        return connectTo(url, new ErrorListener() {
        });
    }

    private static Connection connectTo(String url, ErrorListener listener) throws IOException, InterruptedException {
        Options options = new Options.Builder().server(url).connectionTimeout(Duration.ofSeconds(15))
                .maxReconnects(0).errorListener(listener).build();
        return Nats.connect(options);
    }

    /** Consumers, then JetStream, then the server, as the CLI does. */
    @Override
    public void close() {
        try {
            consumers.close();
        } finally {
            try {
                jetStream.close();
            } finally {
                server.close();
            }
        }
    }
}
