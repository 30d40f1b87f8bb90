package io.hermod.cli.bench;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.api.StreamState;

import java.io.IOException;
import java.time.Duration;

/** The stream a JetStream run publishes into: created on the bench subject before, deleted after. */
final class BenchStream {
    private final JetStreamManagement jsm;
    private final String name;

    private BenchStream(JetStreamManagement jsm, String name) {
        this.jsm = jsm;
        this.name = name;
    }

    static JetStreamOptions options(Duration requestTimeout) {
        return JetStreamOptions.builder().requestTimeout(requestTimeout).build();
    }

    /**
     * Creates stream {@code name} capturing {@code subject}. An existing stream of that name is an error rather
     * than something to delete: it may hold someone's data.
     */
    static BenchStream create(Connection connection, String name, String subject, JsStorage storage,
                              Duration requestTimeout) throws IOException {
        try {
            JetStreamManagement jsm = connection.jetStreamManagement(options(requestTimeout));
            if (jsm.getStreamNames().contains(name)) {
                throw new IOException("stream " + name + " already exists; pick another with --stream or delete it");
            }
            jsm.addStream(StreamConfiguration.builder().name(name).subjects(subject)
                    .storageType(storage.jnats()).build());
            return new BenchStream(jsm, name);
        } catch (JetStreamApiException e) {
            throw new IOException("cannot create stream " + name + ": " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    StreamState state() throws IOException {
        try {
            StreamInfo info = jsm.getStreamInfo(name);
            return info.getStreamState();
        } catch (JetStreamApiException e) {
            throw new IOException("cannot read stream " + name + ": " + e.getMessage(), e);
        }
    }

    void delete() throws IOException {
        try {
            jsm.deleteStream(name);
        } catch (JetStreamApiException e) {
            throw new IOException("cannot delete stream " + name + ": " + e.getMessage(), e);
        }
    }
}
