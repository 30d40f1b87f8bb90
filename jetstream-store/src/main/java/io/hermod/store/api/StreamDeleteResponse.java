package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Reply to {@code $JS.API.STREAM.DELETE}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamDeleteResponse(
        @JsonProperty("type") String type,
        @JsonProperty("error") ApiError error,
        @JsonProperty("success") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean success) {
    public static final String TYPE = "io.nats.jetstream.api.v1.stream_delete_response";

    public static StreamDeleteResponse ok() {
        return new StreamDeleteResponse(TYPE, null, true);
    }

    public static StreamDeleteResponse failed(ApiError error) {
        return new StreamDeleteResponse(TYPE, error, false);
    }
}
