package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** Reply to {@code $JS.API.STREAM.CREATE}: the stream info and {@code did_create}, or an error. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamCreateResponse(
        @JsonProperty("type") String type,
        @JsonProperty("error") ApiError error,
        @JsonProperty("config") StreamConfig config,
        @JsonProperty("created") Instant created,
        @JsonProperty("state") StreamState state,
        @JsonProperty("cluster") ClusterInfo cluster,
        @JsonProperty("did_create") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean didCreate) {
    public static final String TYPE = "io.nats.jetstream.api.v1.stream_create_response";

    public static StreamCreateResponse of(StreamInfo info, boolean didCreate) {
        return new StreamCreateResponse(TYPE, null, info.config(), info.created(), info.state(), info.cluster(), didCreate);
    }

    public static StreamCreateResponse failed(ApiError error) {
        return new StreamCreateResponse(TYPE, error, null, null, null, null, false);
    }
}
