package io.hermod.consumers.kv;

import io.hermod.consumers.engine.ConsumerService;
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
 * A Hermod server with JetStream and consumers on an ephemeral 127.0.0.1 port, as the CLI assembles it, for the
 * KeyValue and ObjectStore tests (the engine package's fixture is package-private).
 */
public final class KvTestServer implements AutoCloseable {
    private final HermodServer server;
    private final JetStreamService jetStream;
    private final ConsumerService consumers;

    private KvTestServer(HermodServer server, JetStreamService jetStream, ConsumerService consumers) {
        this.server = server;
        this.jetStream = jetStream;
        this.consumers = consumers;
    }

    public static KvTestServer start(Path storeDir) throws InterruptedException {
        ServerOptions options = ServerOptions.builder().host("127.0.0.1").port(0).jetstream(true)
                .storeDir(storeDir).build();
        HermodServer server = new HermodServer(options).start();
        JetStreamService jetStream = null;
        try {
            jetStream = JetStreamService.start(server, JetStreamSettings.of(storeDir));
            return new KvTestServer(server, jetStream, ConsumerService.start(server, jetStream));
        } catch (RuntimeException e) {
            if (jetStream != null) {
                jetStream.close();
            }
            server.close();
            throw e;
        }
    }

    public String url() {
        return "nats://127.0.0.1:" + server.port();
    }

    public Connection connect() throws IOException, InterruptedException {
        return connect(url());
    }

    /** A jnats connection without reconnects and with a silent error listener, to Hermod or to nats-server. */
    public static Connection connect(String url) throws IOException, InterruptedException {
        Options options = new Options.Builder().server(url).connectionTimeout(Duration.ofSeconds(15))
                .maxReconnects(0).errorListener(new ErrorListener() {
                }).build();
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
