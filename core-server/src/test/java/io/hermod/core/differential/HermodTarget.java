package io.hermod.core.differential;

import io.hermod.core.config.ConfigParser;
import io.hermod.core.config.ServerOptionsLoader;
import io.hermod.core.server.HermodServer;
import io.hermod.core.server.ServerOptions;

import java.nio.file.Path;

/**
 * Hermod configured from the very config text nats-server gets, read by Hermod's own config loader, so the
 * differential rows also check that the two servers read the same file the same way.
 */
final class HermodTarget implements ProtocolTarget {
    private final HermodServer server;

    private HermodTarget(HermodServer server) {
        this.server = server;
    }

    static HermodTarget start(ServerSettings settings) throws InterruptedException {
        ServerOptions.Builder builder = ServerOptions.builder();
        new ServerOptionsLoader().apply(new ConfigParser().parseText(settings.natsConfig(), Path.of("differential.conf")),
                builder);
        return new HermodTarget(new HermodServer(builder.host("127.0.0.1").port(0).build()).start());
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
