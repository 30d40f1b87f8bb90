package io.hermod.cli;

import io.hermod.consumers.engine.ConsumerService;
import io.hermod.core.server.HermodServer;
import io.hermod.core.server.JetStreamOptions;
import io.hermod.core.server.ServerOptions;
import io.hermod.store.engine.JetStreamService;
import io.hermod.store.engine.JetStreamSettings;

/**
 * Starts JetStream (streams, then the consumers on them) for {@code hermod server} when {@code -js} or a
 * {@code jetstream} config block asks for it, on the server's in-process client API and before the server accepts
 * clients, so that no client sees the server without it.
 */
final class JetStreamStartup {
    private JetStreamStartup() {
    }

    /** JetStream's running parts; closing stops the consumers first, then the streams. */
    record Running(JetStreamService streams, ConsumerService consumers) implements AutoCloseable {
        @Override
        public void close() {
            try {
                consumers.close();
            } finally {
                streams.close();
            }
        }
    }

    /** @return the running services, or null when JetStream is not enabled */
    static Running startIfEnabled(HermodServer server, ServerOptions options) {
        if (!options.jetstream()) {
            return null;
        }
        JetStreamService streams = JetStreamService.start(server, settings(options));
        try {
            return new Running(streams, ConsumerService.start(server, streams));
        } catch (RuntimeException e) {
            streams.close();
            throw e;
        }
    }

    static JetStreamSettings settings(ServerOptions options) {
        JetStreamOptions js = options.jetStreamOptions();
        return new JetStreamSettings(options.storeDir(), js.maxMemoryStore(), js.maxFileStore(), js.syncInterval());
    }
}
