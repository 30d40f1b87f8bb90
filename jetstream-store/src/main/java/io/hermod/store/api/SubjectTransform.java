package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A subject mapping applied on ingest ({@code subject_transform}, nats-server 2.10+). nats-server 2.9.10 ignores the
 * field; Hermod models it so that it can refuse it clearly instead of silently dropping it.
 */
public record SubjectTransform(
        @JsonProperty("src") String source,
        @JsonProperty("dest") String destination) {
    public SubjectTransform {
        source = source == null ? "" : source;
        destination = destination == null ? "" : destination;
    }
}
