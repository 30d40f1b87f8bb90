package io.hermod.consumers.ack;

import io.hermod.consumers.config.AckPolicy;
import io.hermod.consumers.config.ConsumerConfig;

import java.util.List;

/**
 * The part of a consumer's configuration its acknowledgement state obeys, taken from a configuration with defaults
 * applied. {@code maxDeliver} and {@code maxAckPending} of 0 or less mean unlimited.
 */
public record AckSettings(AckPolicy policy, long ackWaitNanos, List<Long> backoffNanos, int maxDeliver,
                          int maxAckPending) {

    public AckSettings {
        if (ackWaitNanos <= 0 && policy.tracksPending()) {
            throw new IllegalArgumentException("ack wait must be positive: " + ackWaitNanos);
        }
        backoffNanos = List.copyOf(backoffNanos);
    }

    public static AckSettings of(ConsumerConfig config) {
        return new AckSettings(config.ackPolicy(), config.ackWaitNanos(), config.backoffNanos(), config.maxDeliver(),
                config.maxAckPending());
    }

    /**
     * How long a message delivered for the {@code deliveries}-th time may stay unacknowledged: the backoff entry for
     * that delivery (the last entry once the list is exhausted), or {@code ack_wait} without backoff, as nats's
     * {@code checkPending} computes it.
     */
    public long ackWaitFor(int deliveries) {
        if (backoffNanos.isEmpty()) {
            return ackWaitNanos;
        }
        int index = Math.min(Math.max(deliveries, 1) - 1, backoffNanos.size() - 1);
        return backoffNanos.get(index);
    }

    /** Whether a message delivered {@code deliveries} times may not be delivered again. */
    public boolean deliveriesExhausted(int deliveries) {
        return maxDeliver > 0 && deliveries >= maxDeliver;
    }
}
