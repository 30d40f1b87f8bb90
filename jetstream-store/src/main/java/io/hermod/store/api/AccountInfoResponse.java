package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Reply to {@code $JS.API.INFO}: the {@link AccountInfo} fields inline after {@code type}, or only the error. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountInfoResponse(
        @JsonProperty("type") String type,
        @JsonProperty("error") ApiError error,
        @JsonProperty("memory") Long memory,
        @JsonProperty("storage") Long storage,
        @JsonProperty("streams") Integer streams,
        @JsonProperty("consumers") Integer consumers,
        @JsonProperty("limits") AccountInfo.Limits limits,
        @JsonProperty("domain") @JsonInclude(JsonInclude.Include.NON_EMPTY) String domain,
        @JsonProperty("api") AccountInfo.ApiStats api) {
    public static final String TYPE = "io.nats.jetstream.api.v1.account_info_response";

    public static AccountInfoResponse of(AccountInfo info) {
        return new AccountInfoResponse(TYPE, null, info.memory(), info.storage(), info.streams(), info.consumers(),
                info.limits(), info.domain(), info.api());
    }

    public static AccountInfoResponse failed(ApiError error) {
        return new AccountInfoResponse(TYPE, error, null, null, null, null, null, null, null);
    }
}
