package io.hermod.consumers.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code $JS.API.CONSUMER.NAMES} and {@code .LIST}: the page's offset. */
public record ConsumerListRequest(@JsonProperty("offset") int offset) {
    public static final ConsumerListRequest FIRST = new ConsumerListRequest(0);
}
