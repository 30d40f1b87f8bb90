package io.hermod.cli.jetstream;

import io.hermod.cli.client.ConnectionOptions;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StreamInfo;

import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

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

    /** A stream's consumers, by name. */
    public List<ConsumerInfo> consumersByName(String stream) throws IOException, JetStreamApiException {
        return management.getConsumers(stream).stream().sorted(Comparator.comparing(ConsumerInfo::getName)).toList();
    }

    /** The streams (those storing {@code subject} unless it is null), by name. */
    public List<StreamInfo> streamsByName(String subject) throws IOException, JetStreamApiException {
        return (subject == null ? management.getStreams() : management.getStreams(subject)).stream()
                .sorted(Comparator.comparing(s -> s.getConfiguration().getName())).toList();
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
