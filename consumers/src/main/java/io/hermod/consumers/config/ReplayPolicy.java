package io.hermod.consumers.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether messages are delivered as fast as possible or at the pace they were stored (nats {@code replay_policy}). */
public enum ReplayPolicy {
    @JsonProperty("instant") INSTANT,
    @JsonProperty("original") ORIGINAL;
}
