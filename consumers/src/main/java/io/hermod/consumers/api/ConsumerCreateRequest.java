package io.hermod.consumers.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hermod.consumers.config.ConsumerConfig;

/** nats's {@code CreateConsumerRequest}: the stream's name and the consumer's configuration. */
public record ConsumerCreateRequest(
        @JsonProperty("stream_name") String streamName,
        @JsonProperty("config") ConsumerConfig config) {

    public ConsumerCreateRequest {
        streamName = streamName == null ? "" : streamName;
        config = config == null ? ConsumerConfig.builder().build() : config;
    }
}
