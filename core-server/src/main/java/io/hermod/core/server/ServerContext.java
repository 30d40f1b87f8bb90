package io.hermod.core.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermod.core.routing.MessageRouter;

import java.util.concurrent.atomic.AtomicReference;

/**
 * What every connection of one running server shares; built once by {@link HermodServer}. The settings a reload
 * replaces sit behind {@code live}; the accessors below read the current ones.
 */
record ServerContext(AtomicReference<LiveSettings> live, ServerIdentity identity, MessageRouter router,
                     ServerStats stats, ConnectionRegistry registry, ObjectMapper json) {

    LiveSettings settings() {
        return live.get();
    }

    ServerOptions options() {
        return live.get().options();
    }

    ServerInfoEncoder info() {
        return live.get().info();
    }
}
