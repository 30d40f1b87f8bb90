package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * A stream in {@code /jsz?streams=true}, nats-server's {@code StreamDetail}: the cluster names the server itself as
 * leader, the configuration comes with {@code config=true}, the consumers' infos with {@code consumers=true}.
 */
public record StreamDetail(
        @JsonProperty("name") String name,
        @JsonProperty("created") Instant created,
        @JsonProperty("cluster") ClusterInfo cluster,
        @JsonProperty("config") @JsonInclude(JsonInclude.Include.NON_NULL) StreamConfig config,
        @JsonProperty("state") StreamState state,
        @JsonProperty("consumer_detail") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<?> consumers) {
}
