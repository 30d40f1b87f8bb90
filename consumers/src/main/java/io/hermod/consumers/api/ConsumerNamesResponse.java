package io.hermod.consumers.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.hermod.store.api.ApiError;

import java.util.List;

/** Reply to {@code $JS.API.CONSUMER.NAMES}: {@code consumers} is always written, {@code []} when none or failed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsumerNamesResponse(
        @JsonProperty("type") String type,
        @JsonProperty("error") ApiError error,
        @JsonProperty("total") int total,
        @JsonProperty("offset") int offset,
        @JsonProperty("limit") int limit,
        @JsonProperty("consumers") List<String> consumers) {
    public static final String TYPE = "io.nats.jetstream.api.v1.consumer_names_response";
    public static final int LIMIT = 1024;

    public static ConsumerNamesResponse of(int total, int offset, List<String> names) {
        return new ConsumerNamesResponse(TYPE, null, total, offset, LIMIT, List.copyOf(names));
    }

    public static ConsumerNamesResponse failed(ApiError error) {
        return new ConsumerNamesResponse(TYPE, error, 0, 0, 0, List.of());
    }
}
