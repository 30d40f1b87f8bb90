package io.hermod.cli.jetstream;

import io.hermod.cli.client.ConnectionOptions;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;

import java.io.IOException;
import java.time.Duration;

/** One command's connection with its JetStream contexts, whose requests wait as long as {@code --timeout}. */
public final class JetStreamSession implements AutoCloseable {
    private final Connection connection;
    private final JetStreamManagement management;
    private final JetStream jetStream;
    private final Duration timeout;

    private JetStreamSession(Connection connection, JetStreamOptions options, Duration timeout) throws IOException {
        this.connection = connection;
        this.timeout = timeout;
        this.management = connection.jetStreamManagement(options);
        this.jetStream = connection.jetStream(options);
    }

    public static JetStreamSession open(ConnectionOptions options) throws IOException {
        Connection connection = options.connect();
        try {
            return new JetStreamSession(connection, options.jetStreamOptions(), options.timeout());
        } catch (IOException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    public Connection connection() {
        return connection;
    }

    public JetStreamManagement management() {
        return management;
    }

    public JetStream jetStream() {
        return jetStream;
    }

    public Duration timeout() {
        return timeout;
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
