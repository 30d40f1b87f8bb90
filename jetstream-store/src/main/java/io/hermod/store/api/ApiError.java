package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code error} object of a JetStream API reply: {@code {"code":404,"err_code":10059,"description":"stream not
 * found"}}. Built from {@link JsApiError}, never by hand.
 */
@JsonPropertyOrder({"code", "err_code", "description"})
public record ApiError(
        @JsonProperty("code") int code,
        @JsonProperty("err_code") int errCode,
        @JsonProperty("description") String description) {
}
