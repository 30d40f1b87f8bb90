package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * Reply to {@code $JS.API.STREAM.INFO}. {@code total}/{@code offset}/{@code limit} page the per-subject counts and
 * are always present (0 when no subjects were asked for), errors included, as nats-server 2.9.10 sends them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamInfoResponse(
        @JsonProperty("type") String type,
        @JsonProperty("error") ApiError error,
        @JsonProperty("total") int total,
        @JsonProperty("offset") int offset,
        @JsonProperty("limit") int limit,
        @JsonProperty("config") StreamConfig config,
        @JsonProperty("created") Instant created,
        @JsonProperty("state") StreamState state,
        @JsonProperty("cluster") ClusterInfo cluster) {
    public static final String TYPE = "io.nats.jetstream.api.v1.stream_info_response";
    /** nats-server's page size for per-subject counts. */
    public static final int SUBJECTS_LIMIT = 100_000;

    public static StreamInfoResponse of(StreamInfo info, int total, int offset, int limit) {
        return new StreamInfoResponse(TYPE, null, total, offset, limit, info.config(), info.created(), info.state(),
                info.cluster());
    }

    public static StreamInfoResponse failed(ApiError error) {
        return new StreamInfoResponse(TYPE, error, 0, 0, 0, null, null, null, null);
    }
}
