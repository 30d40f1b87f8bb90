package io.hermod.consumers.ack;

/**
 * What the state keeps of one message between its first delivery and its acknowledgement: the consumer sequence of
 * its first delivery ({@code consumerSeq}, nats-server 2.9.10's {@code Pending.Sequence}, which the explicit ack floor
 * follows) and of its latest ({@code lastConsumerSeq}, what its current ack subject carries, which an ack-all
 * floor takes), how often it was delivered and when last. {@code pending} is false for a message dropped after
 * {@code max_deliver}, kept only so that {@code num_redelivered} still counts it until it is acknowledged, as
 * nats-server 2.9.10 does.
 */
public record TrackedMessage(long streamSeq, long consumerSeq, long lastConsumerSeq, int deliveries, long deliveredNanos, boolean pending) {
}
