package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Reply to {@code $JS.API.STREAM.PURGE}; {@code purged} is sent even with an error (as 0). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamPurgeResponse(
        @JsonProperty("type") String type,
        @JsonProperty("error") ApiError error,
        @JsonProperty("success") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean success,
        @JsonProperty("purged") long purged) {
    public static final String TYPE = "io.nats.jetstream.api.v1.stream_purge_response";

    public static StreamPurgeResponse ok(long purged) {
        return new StreamPurgeResponse(TYPE, null, true, purged);
    }

    public static StreamPurgeResponse failed(ApiError error) {
        return new StreamPurgeResponse(TYPE, error, false, 0);
    }
}
