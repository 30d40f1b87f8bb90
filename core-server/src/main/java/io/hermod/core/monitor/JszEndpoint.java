package io.hermod.core.monitor;

/**
 * {@code /jsz}: JetStream's usage while it runs, nats-server's "disabled" document otherwise. The per-account,
 * stream and consumer details nats-server adds on request ({@code accounts}, {@code streams}, ...) are not
 * produced: the totals are.
 */
final class JszEndpoint implements MonitorEndpoint {
    private final MonitorSource source;

    JszEndpoint(MonitorSource source) {
        this.source = source;
    }

    @Override
    public MonitorResponse handle(MonitorRequest request) {
        String now = GoFormats.time(request.now());
        JetStreamReporter reporter = source.jetStream();
        Jsz jsz = reporter == null ? Jsz.disabled(source.serverId(), now)
                : Jsz.of(source.serverId(), now, reporter.report());
        return MonitorResponse.json(MonitorJson.indented(jsz));
    }
}
