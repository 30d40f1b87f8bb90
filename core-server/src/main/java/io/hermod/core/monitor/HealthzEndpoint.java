package io.hermod.core.monitor;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code /healthz}: {@code {"status":"ok"}} while the server runs. nats-server's {@code js-enabled} and
 * {@code js-server-only} options concern JetStream health, which core-server does not see; they are accepted and
 * answered the same.
 */
final class HealthzEndpoint implements MonitorEndpoint {
    private static final byte[] OK = MonitorJson.compact(new HealthStatus("ok"));

    record HealthStatus(@JsonProperty("status") String status) {
    }

    @Override
    public MonitorResponse handle(MonitorRequest request) {
        return MonitorResponse.json(OK.clone());
    }
}
