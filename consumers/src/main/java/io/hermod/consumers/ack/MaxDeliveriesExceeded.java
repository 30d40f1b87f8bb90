package io.hermod.consumers.ack;

/**
 * A message that reached {@code max_deliver} without acknowledgement and will not be delivered again: the caller
 * publishes nats's {@code io.nats.jetstream.advisory.v1.max_deliver} advisory for it.
 */
public record MaxDeliveriesExceeded(long streamSeq, int deliveries) {
}
