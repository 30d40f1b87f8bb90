package io.hermod.consumers.engine;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * nats's {@code JSConsumerDeliveryExceededAdvisory}, published on
 * {@code $JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.<stream>.<consumer>} when a message reached {@code max_deliver}.
 */
record MaxDeliverAdvisory(
        @JsonProperty("type") String type,
        @JsonProperty("id") String id,
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("stream") String stream,
        @JsonProperty("consumer") String consumer,
        @JsonProperty("stream_seq") long streamSeq,
        @JsonProperty("deliveries") long deliveries) {
    static final String TYPE = "io.nats.jetstream.advisory.v1.max_deliver";
    static final String SUBJECT_PREFIX = "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.";
}
