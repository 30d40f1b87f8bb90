package io.hermod.cli.client;

import io.hermod.consumers.engine.ConsumerService;
import io.hermod.core.server.HermodServer;
import io.hermod.core.server.ServerOptions;
import io.hermod.store.engine.JetStreamService;
import io.hermod.store.engine.JetStreamSettings;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * A real Hermod server on an ephemeral 127.0.0.1 port for the client commands' tests, optionally with JetStream
 * (streams and consumers, assembled as {@code hermod server -js} does) stored in a test's temporary directory.
 */
public final class ClientTestServer implements AutoCloseable {
    private final HermodServer server;
    private final JetStreamService streams;
    private final ConsumerService consumers;

    private ClientTestServer(HermodServer server, JetStreamService streams, ConsumerService consumers) {
        this.server = server;
        this.streams = streams;
        this.consumers = consumers;
    }

    public static ClientTestServer core() throws InterruptedException {
        return core(b -> b);
    }

    public static ClientTestServer core(UnaryOperator<ServerOptions.Builder> customize) throws InterruptedException {
        HermodServer server = new HermodServer(customize.apply(ServerOptions.builder().host("127.0.0.1").port(0)).build());
        return new ClientTestServer(server.start(), null, null);
    }

    public static ClientTestServer withJetStream(Path storeDir) throws InterruptedException {
        ServerOptions options = ServerOptions.builder().host("127.0.0.1").port(0).jetstream(true).storeDir(storeDir)
                .build();
        HermodServer server = new HermodServer(options);
        JetStreamService streams = JetStreamService.start(server, JetStreamSettings.of(storeDir));
        ConsumerService consumers = null;
        try {
            consumers = ConsumerService.start(server, streams);
            server.start();
            return new ClientTestServer(server, streams, consumers);
        } catch (InterruptedException | RuntimeException e) {
            if (consumers != null) {
                consumers.close();
            }
            streams.close();
            server.close();
            throw e;
        }
    }

    public String url() {
        return "nats://127.0.0.1:" + server.port();
    }

    public HermodServer server() {
        return server;
    }

    @Override
    public void close() {
        try {
            if (consumers != null) {
                consumers.close();
            }
            if (streams != null) {
                streams.close();
            }
        } finally {
            server.close();
        }
    }
}
