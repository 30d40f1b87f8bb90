package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code $JS.API.STREAM.INFO}: whether to list deleted sequences, a subject filter for per-subject counts,
 * and the page offset into those counts. An empty body is {@link #PLAIN}.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record StreamInfoRequest(
        @JsonProperty("deleted_details") boolean deletedDetails,
        @JsonProperty("subjects_filter") String subjectsFilter,
        @JsonProperty("offset") int offset) {
    public static final StreamInfoRequest PLAIN = new StreamInfoRequest(false, "", 0);

    public StreamInfoRequest {
        subjectsFilter = subjectsFilter == null ? "" : subjectsFilter;
    }
}
