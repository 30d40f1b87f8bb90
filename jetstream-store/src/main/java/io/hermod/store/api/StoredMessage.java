package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * One message as {@code $JS.API.STREAM.MSG.GET} returns it; {@code hdrs} (the raw {@code NATS/1.0} header block) and
 * {@code data} travel as base64 and are left out when empty.
 */
public record StoredMessage(
        @JsonProperty("subject") String subject,
        @JsonProperty("seq") long seq,
        @JsonProperty("hdrs") @JsonInclude(JsonInclude.Include.NON_EMPTY) byte[] headers,
        @JsonProperty("data") @JsonInclude(JsonInclude.Include.NON_EMPTY) byte[] data,
        @JsonProperty("time") Instant time) {
}
