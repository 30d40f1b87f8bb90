package io.hermod.consumers.ack;

/**
 * What {@link AckState#nextDelivery} proposes to deliver: a stream sequence and the delivery count it will carry
 * ({@code 1} for a first delivery).
 */
public record Delivery(long streamSeq, int deliveryCount) {

    /** Whether the message was delivered before (the {@code redelivered} flag clients see). */
    public boolean redelivered() {
        return deliveryCount > 1;
    }
}
