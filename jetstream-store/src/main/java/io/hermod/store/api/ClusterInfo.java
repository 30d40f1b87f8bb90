package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code cluster} object of a stream info. A standalone nats-server 2.9.10 omits it; Hermod, which is never
 * clustered, sends it only when it wants to name itself as the leader.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record ClusterInfo(
        @JsonProperty("name") String name,
        @JsonProperty("leader") String leader) {
}
