package io.hermod.consumers.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.hermod.consumers.config.ConsumerConfig;

import java.time.Instant;

/**
 * nats's {@code ConsumerInfo} as a standalone nats-server 2.9.10 sends it (no {@code cluster}; {@code push_bound}
 * only for a push consumer whose deliver subject has interest).
 */
public record ConsumerInfo(
        @JsonProperty("stream_name") String streamName,
        @JsonProperty("name") String name,
        @JsonProperty("created") Instant created,
        @JsonProperty("config") @JsonInclude(JsonInclude.Include.NON_NULL) ConsumerConfig config,
        @JsonProperty("delivered") SequenceInfo delivered,
        @JsonProperty("ack_floor") SequenceInfo ackFloor,
        @JsonProperty("num_ack_pending") int numAckPending,
        @JsonProperty("num_redelivered") int numRedelivered,
        @JsonProperty("num_waiting") int numWaiting,
        @JsonProperty("num_pending") long numPending,
        @JsonProperty("push_bound") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean pushBound) {

    /** The same info without its configuration, as {@code /jsz} lists consumers unless asked for it. */
    public ConsumerInfo withoutConfig() {
        return new ConsumerInfo(streamName, name, created, null, delivered, ackFloor, numAckPending, numRedelivered,
                numWaiting, numPending, pushBound);
    }
}
