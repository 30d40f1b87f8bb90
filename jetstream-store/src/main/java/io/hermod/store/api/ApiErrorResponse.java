package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A reply that is only its type and an error: for the endpoints Hermod answers but does not serve (cluster
 * operations, stream snapshots), whose nats-server replies carry nothing else when they fail.
 */
public record ApiErrorResponse(
        @JsonProperty("type") String type,
        @JsonProperty("error") ApiError error) {
    public static final String STREAM_SNAPSHOT = "io.nats.jetstream.api.v1.stream_snapshot_response";
    public static final String STREAM_LEADER_STEPDOWN = "io.nats.jetstream.api.v1.stream_leader_stepdown_response";
    public static final String STREAM_REMOVE_PEER = "io.nats.jetstream.api.v1.stream_remove_peer_response";
    public static final String CONSUMER_LEADER_STEPDOWN =
            "io.nats.jetstream.api.v1.consumer_leader_stepdown_response";
}
