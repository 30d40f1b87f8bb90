package io.hermod.core.monitor;

import io.hermod.core.server.HermodVersionInfo;
import io.hermod.core.server.ServerOptions;
import io.hermod.core.server.ServerStats;
import io.hermod.core.transport.TlsSettings;

import java.time.Duration;

/** {@code /varz}: the server's configuration, counters and resource use. */
final class VarzEndpoint implements MonitorEndpoint {
    /** The NATS client protocol version nats-server 2.9 announces. */
    private static final int PROTO = 1;

    private final MonitorSource source;
    private final RequestCounts requests;
    private final ProcessUsage process;

    VarzEndpoint(MonitorSource source, RequestCounts requests, ProcessUsage process) {
        this.source = source;
        this.requests = requests;
        this.process = process;
    }

    @Override
    public MonitorResponse handle(MonitorRequest request) {
        return MonitorResponse.json(MonitorJson.indented(varz(request)));
    }

    Varz varz(MonitorRequest request) {
        ServerOptions o = source.options();
        ServerStats s = source.stats();
        return new Varz(source.serverId(), source.serverName(), HermodVersionInfo.NATS_COMPATIBLE_VERSION, PROTO,
                o.host(), source.clientPort(), o.maxConnections(), o.maxSubscriptions(),
                o.pingInterval().toNanos(), o.pingMax(), source.httpHost(), source.httpPort(), "", 0,
                o.authTimeout().toNanos() / 1e9, o.maxControlLine(), o.maxPayload(), o.maxPending(),
                Varz.jetStream(source.jetStream()),
                (o.tls() == null ? TlsSettings.DEFAULT_TIMEOUT : o.tls().timeout()).toNanos() / 1e9,
                o.writeDeadline().toNanos(), GoFormats.time(source.startTime()), GoFormats.time(request.now()),
                GoFormats.uptime(Duration.between(source.startTime(), request.now())), process.residentBytes(),
                Runtime.getRuntime().availableProcessors(), process.cpuPercent(), source.connectionCount(),
                s.totalConnections(), 0, 0, 0, s.inMessages(), s.outMessages(), s.inBytes(), s.outBytes(),
                s.slowConsumers(), source.subjectIndexStats().subscriptions(), requests.snapshot(),
                GoFormats.time(source.configLoadTime()));
    }
}
