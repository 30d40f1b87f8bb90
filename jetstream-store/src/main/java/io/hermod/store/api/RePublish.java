package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Republishing of stored messages ({@code republish}); nats-server 2.9.10 supports it, Hermod refuses it for now. */
public record RePublish(
        @JsonProperty("src") @JsonInclude(JsonInclude.Include.NON_DEFAULT) String source,
        @JsonProperty("dest") String destination,
        @JsonProperty("headers_only") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean headersOnly) {
    public RePublish {
        source = source == null ? "" : source;
        destination = destination == null ? "" : destination;
    }
}
