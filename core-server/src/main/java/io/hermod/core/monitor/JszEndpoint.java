package io.hermod.core.monitor;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /jsz}: JetStream's usage while it runs, nats-server's "disabled" document otherwise. With
 * {@code accounts=true} (implied by {@code streams}, itself implied by {@code consumers}) or {@code acc=$G} it adds
 * the one account's detail; {@code streams} adds each stream's, {@code consumers} their consumers' and
 * {@code config} the configurations, as nats-server 2.9.10 does. {@code offset} skips accounts and {@code limit}
 * bounds them (1024 when 0); {@code leader-only} is read and, Hermod being its own leader, changes nothing.
 */
final class JszEndpoint implements MonitorEndpoint {
    private static final int DEFAULT_LIMIT = 1024;
    private final MonitorSource source;

    JszEndpoint(MonitorSource source) {
        this.source = source;
    }

    @Override
    public MonitorResponse handle(MonitorRequest request) {
        boolean accounts = request.bool("accounts");
        boolean streams = request.bool("streams");
        boolean consumers = request.bool("consumers");
        boolean config = request.bool("config");
        int offset = request.integer("offset");
        int limit = request.integer("limit");
        request.bool("leader-only");
        String now = GoFormats.time(request.now());
        JetStreamReporter reporter = source.jetStream();
        if (reporter == null) {
            return MonitorResponse.json(MonitorJson.indented(Jsz.disabled(source.serverId(), now)));
        }
        streams |= consumers;
        accounts |= streams;
        JetStreamReport report = reporter.report();
        boolean named = Jsz.GLOBAL_ACCOUNT.equals(request.get("acc"));
        boolean listed = accounts && offset == 0 && (limit == 0 ? DEFAULT_LIMIT : limit) > 0;
        List<Jsz.AccountDetail> details = new ArrayList<>();
        if (named || listed) {
            List<JsonNode> streamDetails = new ArrayList<>();
            if (streams) {
                for (String detail : reporter.streamDetails(consumers, config)) {
                    streamDetails.add(MonitorJson.tree(detail));
                }
            }
            details.add(Jsz.globalAccount(report, streamDetails));
        }
        return MonitorResponse.json(MonitorJson.indented(Jsz.of(source.serverId(), now, report, details)));
    }
}
