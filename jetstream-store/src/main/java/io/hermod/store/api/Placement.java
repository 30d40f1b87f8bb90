package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** A stream's placement request ({@code placement}); meaningless without clustering but kept and echoed as nats does. */
public record Placement(
        @JsonProperty("cluster") @JsonInclude(JsonInclude.Include.NON_EMPTY) String cluster,
        @JsonProperty("tags") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> tags) {
    public Placement {
        cluster = cluster == null ? "" : cluster;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
