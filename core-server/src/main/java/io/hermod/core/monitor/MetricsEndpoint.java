package io.hermod.core.monitor;

import io.hermod.core.server.ServerStats;
import io.hermod.core.subject.SubjectIndexStats;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /metrics}: the {@code /varz} counters, a few process basics and, while JetStream runs, its totals and
 * per-stream figures (label {@code stream}) in Prometheus text format. Hermod's own metrics are named
 * {@code hermod_*}; the process ones follow Prometheus's standard {@code process_*} names. nats-server needs a
 * separate exporter for this.
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
        PrometheusText metrics = new PrometheusText()
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
                .gauge("process_open_fds", "Number of open file descriptors.", process.openFileDescriptors());
        JetStreamReporter jetStream = source.jetStream();
        if (jetStream != null) {
            streamMetrics(metrics, jetStream.report());
        }
        String text = metrics.toString();
        return MonitorResponse.text(HttpResponseStatus.OK, MonitorResponse.PROMETHEUS, text);
    }

    /** JetStream totals and, labelled by stream, each stream's messages, bytes, sequences and consumers. */
    private static void streamMetrics(PrometheusText metrics, JetStreamReport report) {
        metrics.gauge("hermod_jetstream_streams", "Streams.", report.streams())
                .gauge("hermod_jetstream_consumers", "Consumers.", report.consumers())
                .gauge("hermod_jetstream_messages", "Messages stored in all streams.", report.messages())
                .gauge("hermod_jetstream_bytes", "Bytes stored in all streams.", report.bytes())
                .counter("hermod_jetstream_api_requests_total", "JetStream API requests served.", report.apiTotal())
                .counter("hermod_jetstream_api_errors_total", "JetStream API requests answered with an error.",
                        report.apiErrors());
        Map<String, Double> messages = new LinkedHashMap<>();
        Map<String, Double> bytes = new LinkedHashMap<>();
        Map<String, Double> firstSeq = new LinkedHashMap<>();
        Map<String, Double> lastSeq = new LinkedHashMap<>();
        Map<String, Double> consumers = new LinkedHashMap<>();
        for (JetStreamReport.StreamFigures s : report.streamFigures()) {
            String labels = PrometheusText.labels("stream", s.name());
            messages.put(labels, (double) s.messages());
            bytes.put(labels, (double) s.bytes());
            firstSeq.put(labels, (double) s.firstSeq());
            lastSeq.put(labels, (double) s.lastSeq());
            consumers.put(labels, (double) s.consumers());
        }
        metrics.labelled("hermod_stream_messages", "gauge", "Messages in the stream.", messages)
                .labelled("hermod_stream_bytes", "gauge", "Bytes in the stream.", bytes)
                .labelled("hermod_stream_first_seq", "gauge", "First sequence in the stream.", firstSeq)
                .labelled("hermod_stream_last_seq", "gauge", "Last sequence in the stream.", lastSeq)
                .labelled("hermod_stream_consumers", "gauge", "Consumers of the stream.", consumers);
        consumerMetrics(metrics, report);
    }

    /** Per consumer, labelled by stream and consumer: what its info reports. */
    private static void consumerMetrics(PrometheusText metrics, JetStreamReport report) {
        Map<String, Double> pending = new LinkedHashMap<>();
        Map<String, Double> ackPending = new LinkedHashMap<>();
        Map<String, Double> redelivered = new LinkedHashMap<>();
        Map<String, Double> waiting = new LinkedHashMap<>();
        Map<String, Double> delivered = new LinkedHashMap<>();
        Map<String, Double> ackFloor = new LinkedHashMap<>();
        for (JetStreamReport.ConsumerFigures c : report.consumerFigures()) {
            String labels = PrometheusText.labels("stream", c.stream(), "consumer", c.name());
            pending.put(labels, (double) c.numPending());
            ackPending.put(labels, (double) c.numAckPending());
            redelivered.put(labels, (double) c.numRedelivered());
            waiting.put(labels, (double) c.numWaiting());
            delivered.put(labels, (double) c.deliveredStreamSeq());
            ackFloor.put(labels, (double) c.ackFloorStreamSeq());
        }
        metrics.labelled("hermod_consumer_num_pending", "gauge", "Messages not yet delivered.", pending)
                .labelled("hermod_consumer_num_ack_pending", "gauge", "Messages delivered and not acknowledged.",
                        ackPending)
                .labelled("hermod_consumer_num_redelivered", "gauge", "Messages delivered more than once.",
                        redelivered)
                .labelled("hermod_consumer_num_waiting", "gauge", "Pull requests waiting.", waiting)
                .labelled("hermod_consumer_delivered_stream_seq", "gauge", "Last stream sequence delivered.",
                        delivered)
                .labelled("hermod_consumer_ack_floor_stream_seq", "gauge", "Stream sequence of the ack floor.",
                        ackFloor);
    }
}
