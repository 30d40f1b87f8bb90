package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Reply to {@code $JS.API.STREAM.MSG.GET}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamMsgGetResponse(
        @JsonProperty("type") String type,
        @JsonProperty("error") ApiError error,
        @JsonProperty("message") StoredMessage message) {
    public static final String TYPE = "io.nats.jetstream.api.v1.stream_msg_get_response";

    public static StreamMsgGetResponse of(StoredMessage message) {
        return new StreamMsgGetResponse(TYPE, null, message);
    }

    public static StreamMsgGetResponse failed(ApiError error) {
        return new StreamMsgGetResponse(TYPE, error, null);
    }
}
