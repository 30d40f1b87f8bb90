package io.hermod.consumers.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.hermod.store.api.ApiError;

/** Reply to {@code $JS.API.CONSUMER.DELETE}: {@code success} only when it worked, else the error. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsumerDeleteResponse(
        @JsonProperty("type") String type,
        @JsonProperty("error") ApiError error,
        @JsonProperty("success") Boolean success) {
    public static final String TYPE = "io.nats.jetstream.api.v1.consumer_delete_response";

    public static ConsumerDeleteResponse ok() {
        return new ConsumerDeleteResponse(TYPE, null, true);
    }

    public static ConsumerDeleteResponse failed(ApiError error) {
        return new ConsumerDeleteResponse(TYPE, error, null);
    }
}
