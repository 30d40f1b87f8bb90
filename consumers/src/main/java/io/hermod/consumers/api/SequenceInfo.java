package io.hermod.consumers.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** nats's {@code SequenceInfo}: a consumer and a stream sequence, and when it last moved ({@code null}: never). */
public record SequenceInfo(
        @JsonProperty("consumer_seq") long consumerSeq,
        @JsonProperty("stream_seq") long streamSeq,
        @JsonProperty("last_active") @JsonInclude(JsonInclude.Include.NON_NULL) Instant lastActive) {
}
