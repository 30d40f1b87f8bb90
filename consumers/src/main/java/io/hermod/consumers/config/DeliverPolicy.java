package io.hermod.consumers.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a new consumer starts in its stream (nats {@code deliver_policy}); missing reads as all. */
public enum DeliverPolicy {
    @JsonProperty("all") ALL("all"),
    @JsonProperty("last") LAST("last"),
    @JsonProperty("new") NEW("new"),
    @JsonProperty("by_start_sequence") BY_START_SEQUENCE("by start sequence"),
    @JsonProperty("by_start_time") BY_START_TIME("by start time"),
    @JsonProperty("last_per_subject") LAST_PER_SUBJECT("last per subject");

    private final String words;

    DeliverPolicy(String words) {
        this.words = words;
    }

    /** The policy as nats-server's error texts name it ({@code "by start sequence"}). */
    public String words() {
        return words;
    }
}
