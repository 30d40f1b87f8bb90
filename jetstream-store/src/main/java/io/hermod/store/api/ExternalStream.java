package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The other account's API and delivery prefixes of a mirror or source ({@code external}). */
public record ExternalStream(
        @JsonProperty("api") String apiPrefix,
        @JsonProperty("deliver") String deliverPrefix) {
    public ExternalStream {
        apiPrefix = apiPrefix == null ? "" : apiPrefix;
        deliverPrefix = deliverPrefix == null ? "" : deliverPrefix;
    }
}
