package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** A stream's configuration, creation time and state, as listed by {@code $JS.API.STREAM.LIST}. */
public record StreamInfo(
        @JsonProperty("config") StreamConfig config,
        @JsonProperty("created") Instant created,
        @JsonProperty("state") StreamState state,
        @JsonProperty("cluster") @JsonInclude(JsonInclude.Include.NON_NULL) ClusterInfo cluster) {
}
