package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** Reply to {@code $JS.API.STREAM.UPDATE}: the updated stream info, or an error. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamUpdateResponse(
        @JsonProperty("type") String type,
        @JsonProperty("error") ApiError error,
        @JsonProperty("config") StreamConfig config,
        @JsonProperty("created") Instant created,
        @JsonProperty("state") StreamState state,
        @JsonProperty("cluster") ClusterInfo cluster) {
    public static final String TYPE = "io.nats.jetstream.api.v1.stream_update_response";

    public static StreamUpdateResponse of(StreamInfo info) {
        return new StreamUpdateResponse(TYPE, null, info.config(), info.created(), info.state(), info.cluster());
    }

    public static StreamUpdateResponse failed(ApiError error) {
        return new StreamUpdateResponse(TYPE, error, null, null, null, null);
    }
}
