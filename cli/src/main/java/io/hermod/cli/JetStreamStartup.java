package io.hermod.cli;

import io.hermod.core.server.HermodServer;
import io.hermod.core.server.JetStreamOptions;
import io.hermod.core.server.ServerOptions;
import io.hermod.store.engine.JetStreamService;
import io.hermod.store.engine.JetStreamSettings;

/**
 * Starts JetStream for {@code hermod server} when {@code -js} or a {@code jetstream} config block asks for it, on
 * the server's in-process client API and before the server accepts clients, so that no client sees the server
 * without it.
 */
final class JetStreamStartup {
    private JetStreamStartup() {
    }

    /** @return the running service, or null when JetStream is not enabled */
    static JetStreamService startIfEnabled(HermodServer server, ServerOptions options) {
        if (!options.jetstream()) {
            return null;
        }
        return JetStreamService.start(server, settings(options));
    }

    static JetStreamSettings settings(ServerOptions options) {
        JetStreamOptions js = options.jetStreamOptions();
        return new JetStreamSettings(options.storeDir(), js.maxMemoryStore(), js.maxFileStore(), js.syncInterval());
    }
}
