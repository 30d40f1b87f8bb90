package io.hermod.consumers.state;

import io.hermod.consumers.config.ConsumerConfig;

import java.time.Instant;

/** A stored consumer: its identity, its configuration (defaults applied) and when it was created. */
public record ConsumerRecord(ConsumerId id, ConsumerConfig config, Instant created) {
}
