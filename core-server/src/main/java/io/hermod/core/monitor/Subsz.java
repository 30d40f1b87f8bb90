package io.hermod.core.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/** The {@code /subsz?subs=1} document: the index counters followed by a page of subscriptions. */
record Subsz(
        @JsonProperty("server_id") String serverId,
        @JsonProperty("now") String now,
        @JsonUnwrapped SublistStats stats,
        @JsonProperty("total") int total,
        @JsonProperty("offset") int offset,
        @JsonProperty("limit") int limit,
        @JsonProperty("subscriptions_list") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SubDetail> subscriptions) {
}
