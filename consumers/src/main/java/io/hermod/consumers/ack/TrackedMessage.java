package io.hermod.consumers.ack;

/**
 * What the state keeps of one message between its first delivery and its acknowledgement: its latest consumer
 * sequence, how often it was delivered and when last. {@code pending} is false for a message dropped after
 * {@code max_deliver}, kept only so that {@code num_redelivered} still counts it until it is acknowledged or the ack
 * floor passes it.
 */
public record TrackedMessage(long streamSeq, long consumerSeq, int deliveries, long deliveredNanos, boolean pending) {
}
