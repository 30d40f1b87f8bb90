package io.hermod.store.engine;

import io.hermod.core.server.HermodServer;
import io.hermod.core.server.ServerOptions;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** A Hermod server with JetStream on an ephemeral 127.0.0.1 port and a given store directory, for one test. */
final class JetStreamTestServer implements AutoCloseable {
    private final HermodServer server;
    private final JetStreamService jetStream;

    private JetStreamTestServer(HermodServer server, JetStreamService jetStream) {
        this.server = server;
        this.jetStream = jetStream;
    }

    static JetStreamTestServer start(Path storeDir) throws InterruptedException {
        return start(JetStreamSettings.of(storeDir));
    }

    static JetStreamTestServer start(JetStreamSettings settings) throws InterruptedException {
        ServerOptions options = ServerOptions.builder().host("127.0.0.1").port(0).jetstream(true)
                .storeDir(settings.storeDir()).build();
        HermodServer server = new HermodServer(options).start();
        try {
            return new JetStreamTestServer(server, JetStreamService.start(server, settings));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    JetStreamService jetStream() {
        return jetStream;
    }

    Connection connect() throws IOException, InterruptedException {
        Options options = new Options.Builder().server("nats://127.0.0.1:" + server.port())
                .connectionTimeout(Duration.ofSeconds(5)).maxReconnects(0).errorListener(new ErrorListener() {
                })
                .build();
        return Nats.connect(options);
    }

    /** JetStream first (pending writes complete), then the server, as the CLI does. */
    @Override
    public void close() {
        try {
            jetStream.close();
        } finally {
            server.close();
        }
    }
}
