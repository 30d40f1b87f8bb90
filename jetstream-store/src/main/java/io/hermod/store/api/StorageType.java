package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a stream keeps its messages (nats `storage`). Any other value is refused as invalid JSON, as Go's unmarshaller does. */
public enum StorageType {
    @JsonProperty("file") FILE,
    @JsonProperty("memory") MEMORY;
}
