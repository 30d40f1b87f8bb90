package io.hermod.cli.bench;

import io.nats.client.Connection;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The jnats connections one benchmark run opens, each set up by {@link JnatsClients}, all closed when the run ends,
 * however it ends. Used by the thread that runs the benchmark only.
 */
final class BenchConnections implements AutoCloseable {
    private final BenchSettings settings;
    private final List<Connection> opened = new ArrayList<>();

    BenchConnections(BenchSettings settings) {
        this.settings = settings;
    }

    /** Opens a connection named {@code name} (as the server's connz shows it) to the bench endpoint. */
    Connection open(String name) throws IOException, InterruptedException {
        Connection connection = JnatsClients.connect(settings.endpoint(), name, settings.settleTimeout());
        opened.add(connection);
        return connection;
    }

    @Override
    public void close() throws InterruptedException {
        for (Connection connection : opened) {
            connection.close();
        }
    }
}
