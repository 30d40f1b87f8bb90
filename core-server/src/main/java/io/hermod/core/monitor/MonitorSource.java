package io.hermod.core.monitor;

import io.hermod.core.server.ServerOptions;
import io.hermod.core.server.ServerStats;
import io.hermod.core.subject.SubjectIndexStats;

import java.time.Instant;
import java.util.List;

/** What a running server shows its monitoring endpoints. Every method may be called from any thread. */
public interface MonitorSource {
    String serverId();

    String serverName();

    ServerOptions options();

    /** The client port actually bound. */
    int clientPort();

    /** The monitoring port actually bound. */
    int httpPort();

    /** The host the monitoring listener is bound to. */
    String httpHost();

    Instant startTime();

    /** When the configuration was (last) loaded. */
    Instant configLoadTime();

    ServerStats stats();

    int connectionCount();

    SubjectIndexStats subjectIndexStats();

    /** The open client connections, each a snapshot; subscriptions included only when asked for. */
    List<ConnectionSnapshot> openConnections(boolean withSubscriptions);

    /** JetStream's reporter while JetStream runs, else null. */
    JetStreamReporter jetStream();

    /** Recently closed connections, oldest first, each with the subscriptions it had when it closed. */
    List<ConnectionSnapshot> closedConnections();
}
