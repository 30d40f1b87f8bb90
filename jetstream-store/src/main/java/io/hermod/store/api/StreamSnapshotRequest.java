package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code $JS.API.STREAM.SNAPSHOT}: where the snapshot's chunks would go, and how. */
public record StreamSnapshotRequest(
        @JsonProperty("deliver_subject") String deliverSubject,
        @JsonProperty("no_consumers") boolean noConsumers,
        @JsonProperty("chunk_size") int chunkSize,
        @JsonProperty("jsck") boolean checkMessages) {
    public StreamSnapshotRequest {
        deliverSubject = deliverSubject == null ? "" : deliverSubject;
    }
}
