package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** Reply to {@code $JS.API.STREAM.NAMES}; {@code streams} is {@code null}, not {@code []}, when there are none (nats-server 2.9.10 does so), and the page size is {@link #LIMIT}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamNamesResponse(
        @JsonProperty("type") String type,
        @JsonProperty("error") ApiError error,
        @JsonProperty("total") int total,
        @JsonProperty("offset") int offset,
        @JsonProperty("limit") int limit,
        @JsonProperty("streams") @JsonInclude(JsonInclude.Include.ALWAYS) List<String> streams) {
    public static final String TYPE = "io.nats.jetstream.api.v1.stream_names_response";
    public static final int LIMIT = 1024;

    public static StreamNamesResponse of(int total, int offset, List<String> names) {
        return new StreamNamesResponse(TYPE, null, total, offset, LIMIT, names.isEmpty() ? null : List.copyOf(names));
    }

    public static StreamNamesResponse failed(ApiError error) {
        return new StreamNamesResponse(TYPE, error, 0, 0, 0, null);
    }
}
