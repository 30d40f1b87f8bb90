package io.hermod.cli.bench;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Opens jnats connections set up for benchmarking: no reconnects, so a failing server shows as a failure. */
final class JnatsClients {
    private JnatsClients() {
    }

    /**
     * {@code stallTimeout} bounds how long a publish may wait for room in jnats's outgoing queue: a server slower
     * than the publisher makes it wait (back-pressure) rather than fail at jnats's short default.
     */
    static Connection connect(NatsEndpoint endpoint, String name, Duration stallTimeout)
            throws IOException, InterruptedException {
        Options options = new Options.Builder()
                .server(endpoint.url())
                .connectionName(name)
                .maxReconnects(0)
                .writeQueuePushTimeout(stallTimeout)
                .build();
        return Nats.connect(options);
    }

    /** Waits until the server has processed everything sent so far; a timeout becomes an IOException. */
    static void flush(Connection connection, Duration timeout) throws IOException, InterruptedException {
        try {
            connection.flush(timeout);
        } catch (TimeoutException e) {
            throw new IOException("no PONG from the server within " + timeout.toSeconds() + " s", e);
        }
    }
}
