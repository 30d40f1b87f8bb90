package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The account's JetStream usage and limits ({@code $JS.API.INFO}); -1 means unlimited. */
public record AccountInfo(
        @JsonProperty("memory") long memory,
        @JsonProperty("storage") long storage,
        @JsonProperty("streams") int streams,
        @JsonProperty("consumers") int consumers,
        @JsonProperty("limits") Limits limits,
        @JsonProperty("domain") @JsonInclude(JsonInclude.Include.NON_DEFAULT) String domain,
        @JsonProperty("api") ApiStats api) {

    public record Limits(
            @JsonProperty("max_memory") long maxMemory,
            @JsonProperty("max_storage") long maxStorage,
            @JsonProperty("max_streams") int maxStreams,
            @JsonProperty("max_consumers") int maxConsumers,
            @JsonProperty("max_ack_pending") int maxAckPending,
            @JsonProperty("memory_max_stream_bytes") long memoryMaxStreamBytes,
            @JsonProperty("storage_max_stream_bytes") long storageMaxStreamBytes,
            @JsonProperty("max_bytes_required") boolean maxBytesRequired) {

        /** What a server without account limits reports: everything -1, max bytes not required. */
        public static Limits unlimited() {
            return new Limits(-1, -1, -1, -1, -1, -1, -1, false);
        }
    }

    /** Count of API requests served and of those answered with an error. */
    public record ApiStats(
            @JsonProperty("total") long total,
            @JsonProperty("errors") long errors) {
    }
}
