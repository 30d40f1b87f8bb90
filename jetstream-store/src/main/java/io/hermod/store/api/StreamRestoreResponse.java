package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Reply to {@code $JS.API.STREAM.RESTORE}: nats-server writes {@code deliver_subject} even beside an error. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamRestoreResponse(
        @JsonProperty("type") String type,
        @JsonProperty("error") ApiError error,
        @JsonProperty("deliver_subject") @JsonInclude(JsonInclude.Include.ALWAYS) String deliverSubject) {
    public static final String TYPE = "io.nats.jetstream.api.v1.stream_restore_response";

    public static StreamRestoreResponse failed(ApiError error) {
        return new StreamRestoreResponse(TYPE, error, "");
    }
}
