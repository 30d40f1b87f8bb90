package io.hermod.consumers.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hermod.store.api.ApiError;

/**
 * Reply to {@code $JS.API.CONSUMER.CREATE} and {@code $JS.API.CONSUMER.INFO}: the type, then either the error or
 * the consumer's info inline, as nats embeds {@code *ConsumerInfo} in its responses.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsumerInfoResponse(
        @JsonProperty("type") String type,
        @JsonProperty("error") ApiError error,
        @JsonUnwrapped ConsumerInfo info) {
    public static final String CREATE_TYPE = "io.nats.jetstream.api.v1.consumer_create_response";
    public static final String INFO_TYPE = "io.nats.jetstream.api.v1.consumer_info_response";

    public static ConsumerInfoResponse created(ConsumerInfo info) {
        return new ConsumerInfoResponse(CREATE_TYPE, null, info);
    }

    public static ConsumerInfoResponse createFailed(ApiError error) {
        return new ConsumerInfoResponse(CREATE_TYPE, error, null);
    }

    public static ConsumerInfoResponse of(ConsumerInfo info) {
        return new ConsumerInfoResponse(INFO_TYPE, null, info);
    }

    public static ConsumerInfoResponse infoFailed(ApiError error) {
        return new ConsumerInfoResponse(INFO_TYPE, error, null);
    }
}
