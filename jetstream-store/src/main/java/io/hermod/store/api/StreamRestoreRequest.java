package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code $JS.API.STREAM.RESTORE}: the configuration of the stream to restore (its state is not read). */
public record StreamRestoreRequest(
        @JsonProperty("config") StreamConfig config) {
}
