package io.hermod.core.monitor;

import io.hermod.core.server.ServerStats;
import io.hermod.core.subject.SubjectIndexStats;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.time.Duration;

/**
 * {@code /metrics}: the {@code /varz} counters and a few process basics in Prometheus text format. Hermod's own
 * metrics are named {@code hermod_*}; the process ones follow Prometheus's standard {@code process_*} names.
 */
final class MetricsEndpoint implements MonitorEndpoint {
    private final MonitorSource source;
    private final ProcessUsage process;

    MetricsEndpoint(MonitorSource source, ProcessUsage process) {
        this.source = source;
        this.process = process;
    }

    @Override
    public MonitorResponse handle(MonitorRequest request) {
        ServerStats s = source.stats();
        SubjectIndexStats index = source.subjectIndexStats();
        double uptime = Duration.between(source.startTime(), request.now()).toMillis() / 1000.0;
        String text = new PrometheusText()
                .gauge("hermod_connections", "Client connections currently open.", source.connectionCount())
                .counter("hermod_connections_total", "Client connections accepted since start.",
                        s.totalConnections())
                .counter("hermod_in_messages_total", "Messages received from clients.", s.inMessages())
                .counter("hermod_out_messages_total", "Messages delivered to clients.", s.outMessages())
                .counter("hermod_in_bytes_total", "Payload bytes received from clients.", s.inBytes())
                .counter("hermod_out_bytes_total", "Payload bytes delivered to clients.", s.outBytes())
                .counter("hermod_slow_consumers_total", "Clients disconnected as slow consumers.",
                        s.slowConsumers())
                .gauge("hermod_subscriptions", "Subscriptions currently held.", index.subscriptions())
                .gauge("hermod_uptime_seconds", "Seconds since the server started.", uptime)
                .gauge("process_resident_memory_bytes", "Resident memory size in bytes.", process.residentBytes())
                .counter("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.",
                        process.cpuTime().toMillis() / 1000.0)
                .gauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.",
                        process.startTime().toEpochMilli() / 1000.0)
                .gauge("process_open_fds", "Number of open file descriptors.", process.openFileDescriptors())
                .toString();
        return MonitorResponse.text(HttpResponseStatus.OK, MonitorResponse.PROMETHEUS, text);
    }
}
