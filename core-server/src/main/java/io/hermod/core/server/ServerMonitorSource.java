package io.hermod.core.server;

import io.hermod.core.monitor.ClosedConnections;
import io.hermod.core.monitor.ConnectionSnapshot;
import io.hermod.core.monitor.JetStreamReporter;
import io.hermod.core.monitor.MonitorSource;
import io.hermod.core.routing.MessageRouter;
import io.hermod.core.subject.SubjectIndexStats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** What {@link HermodServer} shows its monitoring endpoints. Thread-safe. */
final class ServerMonitorSource implements MonitorSource {
    private final ServerOptions options;
    private final ServerIdentity identity;
    private final MessageRouter router;
    private final ServerStats stats;
    private final ConnectionRegistry registry;
    private final Instant startTime;
    private final int clientPort;
    private final String httpHost;
    private final IntSupplier httpPort;
    private final Supplier<JetStreamReporter> jetStream;

    ServerMonitorSource(ServerOptions options, ServerIdentity identity, MessageRouter router, ServerStats stats,
                        ConnectionRegistry registry, Instant startTime, int clientPort, String httpHost,
                        IntSupplier httpPort, Supplier<JetStreamReporter> jetStream) {
        this.options = options;
        this.identity = identity;
        this.router = router;
        this.stats = stats;
        this.registry = registry;
        this.startTime = startTime;
        this.clientPort = clientPort;
        this.httpHost = httpHost;
        this.httpPort = httpPort;
        this.jetStream = jetStream;
    }

    @Override public String serverId() { return identity.id(); }
    @Override public String serverName() { return identity.name(); }
    @Override public ServerOptions options() { return options; }
    @Override public int clientPort() { return clientPort; }
    @Override public int httpPort() { return httpPort.getAsInt(); }
    @Override public String httpHost() { return httpHost; }
    @Override public Instant startTime() { return startTime; }
    /** Options are read once, before the server starts; there is no reload yet. */
    @Override public Instant configLoadTime() { return startTime; }
    @Override public ServerStats stats() { return stats; }
    @Override public int connectionCount() { return registry.size(); }
    @Override public SubjectIndexStats subjectIndexStats() { return router.indexStats(); }
    @Override public JetStreamReporter jetStream() { return jetStream.get(); }

    @Override
    public List<ConnectionSnapshot> openConnections(boolean withSubscriptions) {
        List<ConnectionSnapshot> out = new ArrayList<>(registry.size());
        for (ClientConnection c : registry.all()) {
            out.add(ConnectionSnapshots.open(c, withSubscriptions));
        }
        return out;
    }

    @Override
    public List<ConnectionSnapshot> closedConnections() {
        return registry.closed().snapshot();
    }
}
