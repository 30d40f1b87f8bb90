package io.hermod.core.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.util.Map;

/**
 * The {@code /varz} document: nats-server 2.9's field names, types and order for the fields Hermod has.
 * Durations in nanoseconds ({@code ping_interval}, {@code write_deadline}), times as RFC 3339 strings,
 * {@code uptime} in nats-server's {@code 1h2m3s} form.
 */
record Varz(
        @JsonProperty("server_id") String serverId,
        @JsonProperty("server_name") String serverName,
        @JsonProperty("version") String version,
        @JsonProperty("proto") int proto,
        @JsonProperty("host") String host,
        @JsonProperty("port") int port,
        @JsonProperty("max_connections") int maxConnections,
        @JsonProperty("max_subscriptions") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int maxSubscriptions,
        @JsonProperty("ping_interval") long pingIntervalNanos,
        @JsonProperty("ping_max") int pingMax,
        @JsonProperty("http_host") String httpHost,
        @JsonProperty("http_port") int httpPort,
        @JsonProperty("http_base_path") String httpBasePath,
        @JsonProperty("https_port") int httpsPort,
        @JsonProperty("auth_timeout") @JsonSerialize(using = GoFloatSerializer.class) double authTimeoutSeconds,
        @JsonProperty("max_control_line") int maxControlLine,
        @JsonProperty("max_payload") int maxPayload,
        @JsonProperty("max_pending") long maxPending,
        @JsonProperty("jetstream") Object jetStream,
        @JsonProperty("tls_timeout") @JsonSerialize(using = GoFloatSerializer.class) double tlsTimeoutSeconds,
        @JsonProperty("write_deadline") long writeDeadlineNanos,
        @JsonProperty("start") String start,
        @JsonProperty("now") String now,
        @JsonProperty("uptime") String uptime,
        @JsonProperty("mem") long mem,
        @JsonProperty("cores") int cores,
        @JsonProperty("cpu") @JsonSerialize(using = GoFloatSerializer.class) double cpu,
        @JsonProperty("connections") int connections,
        @JsonProperty("total_connections") long totalConnections,
        @JsonProperty("routes") int routes,
        @JsonProperty("remotes") int remotes,
        @JsonProperty("leafnodes") int leafnodes,
        @JsonProperty("in_msgs") long inMsgs,
        @JsonProperty("out_msgs") long outMsgs,
        @JsonProperty("in_bytes") long inBytes,
        @JsonProperty("out_bytes") long outBytes,
        @JsonProperty("slow_consumers") long slowConsumers,
        @JsonProperty("subscriptions") int subscriptions,
        @JsonProperty("http_req_stats") Map<String, Long> httpReqStats,
        @JsonProperty("config_load_time") String configLoadTime) {

    /** {@code jetstream} while JetStream runs: its configuration and the account's usage, as {@code /jsz} has them. */
    @JsonPropertyOrder({"config", "stats"})
    record JetStream(@JsonProperty("config") Jsz.Config config, @JsonProperty("stats") Stats stats) {
    }

    @JsonPropertyOrder({"memory", "storage", "reserved_memory", "reserved_storage", "accounts", "ha_assets", "api"})
    record Stats(@JsonProperty("memory") long memory,
                 @JsonProperty("storage") long storage,
                 @JsonProperty("reserved_memory") long reservedMemory,
                 @JsonProperty("reserved_storage") long reservedStorage,
                 @JsonProperty("accounts") long accounts,
                 @JsonProperty("ha_assets") long haAssets,
                 @JsonProperty("api") Jsz.Api api) {
    }

    /** nats-server's {@code jetstream}: an empty object while JetStream is off. */
    static Object jetStream(JetStreamReporter reporter) {
        if (reporter == null) {
            return Map.of();
        }
        JetStreamReport r = reporter.report();
        return new JetStream(new Jsz.Config(r.maxMemory(), r.maxStorage(), r.storeDir()),
                new Stats(r.memory(), r.storage(), 0, 0, 1, 0, new Jsz.Api(r.apiTotal(), r.apiErrors())));
    }
}
