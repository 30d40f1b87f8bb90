package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** Reply to {@code $JS.API.STREAM.LIST}: a page of {@link #LIMIT} stream infos ({@code []} when none or failed). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamListResponse(
        @JsonProperty("type") String type,
        @JsonProperty("error") ApiError error,
        @JsonProperty("total") int total,
        @JsonProperty("offset") int offset,
        @JsonProperty("limit") int limit,
        @JsonProperty("streams") @JsonInclude(JsonInclude.Include.ALWAYS) List<StreamInfo> streams,
        @JsonProperty("missing") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> missing) {
    public static final String TYPE = "io.nats.jetstream.api.v1.stream_list_response";
    public static final int LIMIT = 256;

    public static StreamListResponse of(int total, int offset, List<StreamInfo> streams) {
        return new StreamListResponse(TYPE, null, total, offset, LIMIT, List.copyOf(streams), null);
    }

    public static StreamListResponse failed(ApiError error) {
        return new StreamListResponse(TYPE, error, 0, 0, 0, List.of(), null);
    }
}
