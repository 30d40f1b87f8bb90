package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a stream decides a message may go (nats `retention`). Any other value is refused as invalid JSON, as Go's unmarshaller does. */
public enum RetentionPolicy {
    @JsonProperty("limits") LIMITS,
    @JsonProperty("interest") INTEREST,
    @JsonProperty("workqueue") WORKQUEUE;
}
