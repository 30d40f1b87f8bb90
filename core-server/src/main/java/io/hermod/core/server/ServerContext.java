package io.hermod.core.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermod.core.routing.MessageRouter;

/** What every connection of one running server shares; built once by {@link HermodServer}. */
record ServerContext(ServerOptions options, ServerIdentity identity, MessageRouter router, ServerStats stats,
                     ConnectionRegistry registry, ServerInfoEncoder info, ObjectMapper json) {
}
