package io.hermod.consumers.ack;

/**
 * A delivery as {@link AckState#onDelivered} recorded it: what the ack reply subject
 * {@code $JS.ACK.<stream>.<consumer>.<deliveryCount>.<streamSeq>.<consumerSeq>.<ts>.<pending>} carries, less the
 * stream-dependent parts (message timestamp, num pending).
 */
public record Delivered(long streamSeq, long consumerSeq, int deliveryCount, long deliveredNanos) {

    public boolean redelivered() {
        return deliveryCount > 1;
    }
}
