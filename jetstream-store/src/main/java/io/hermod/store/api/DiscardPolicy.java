package io.hermod.store.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a full stream refuses or drops (nats `discard`). Any other value is refused as invalid JSON, as Go's unmarshaller does. */
public enum DiscardPolicy {
    @JsonProperty("old") OLD,
    @JsonProperty("new") NEW;
}
