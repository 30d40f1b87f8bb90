package io.hermod.consumers.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.hermod.store.api.ApiError;

import java.util.List;

/** Reply to {@code $JS.API.CONSUMER.LIST}: {@code consumers} is always written, {@code []} when none or failed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsumerListResponse(
        @JsonProperty("type") String type,
        @JsonProperty("error") ApiError error,
        @JsonProperty("total") int total,
        @JsonProperty("offset") int offset,
        @JsonProperty("limit") int limit,
        @JsonProperty("consumers") List<ConsumerInfo> consumers) {
    public static final String TYPE = "io.nats.jetstream.api.v1.consumer_list_response";
    public static final int LIMIT = 256;

    public static ConsumerListResponse of(int total, int offset, List<ConsumerInfo> infos) {
        return new ConsumerListResponse(TYPE, null, total, offset, LIMIT, List.copyOf(infos));
    }

    public static ConsumerListResponse failed(ApiError error) {
        return new ConsumerListResponse(TYPE, error, 0, 0, 0, List.of());
    }
}
