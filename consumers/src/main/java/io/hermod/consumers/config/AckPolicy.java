package io.hermod.consumers.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a consumer's messages are acknowledged (nats {@code ack_policy}); a missing value reads as Go's zero, none. */
public enum AckPolicy {
    /** Nothing is acknowledged; a delivered message counts as done. */
    @JsonProperty("none") NONE,
    /** An acknowledgement covers every message delivered up to it. */
    @JsonProperty("all") ALL,
    /** Each message is acknowledged on its own. */
    @JsonProperty("explicit") EXPLICIT;

    /** Whether deliveries are tracked as pending until acknowledged. */
    public boolean tracksPending() {
        return this != NONE;
    }
}
