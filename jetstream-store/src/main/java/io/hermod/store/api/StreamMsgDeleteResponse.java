package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Reply to {@code $JS.API.STREAM.MSG.DELETE}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamMsgDeleteResponse(
        @JsonProperty("type") String type,
        @JsonProperty("error") ApiError error,
        @JsonProperty("success") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean success) {
    public static final String TYPE = "io.nats.jetstream.api.v1.stream_msg_delete_response";

    public static StreamMsgDeleteResponse ok() {
        return new StreamMsgDeleteResponse(TYPE, null, true);
    }

    public static StreamMsgDeleteResponse failed(ApiError error) {
        return new StreamMsgDeleteResponse(TYPE, error, false);
    }
}
