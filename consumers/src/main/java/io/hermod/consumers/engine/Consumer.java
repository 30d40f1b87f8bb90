package io.hermod.consumers.engine;

import io.hermod.consumers.ack.AckReplySubject;
import io.hermod.consumers.ack.MaxDeliveriesExceeded;
import io.hermod.consumers.api.ConsumerInfo;
import io.hermod.consumers.config.ConsumerConfig;
import io.hermod.consumers.state.ConsumerId;

import java.util.List;

/**
 * A consumer as {@link ConsumerService} and {@link ConsumerApi} handle it, whichever way it delivers:
 * {@link PullConsumer} to pull requests, {@link PushConsumer} to its deliver subject. Called on the consumers'
 * worker thread only.
 */
interface Consumer {
    ConsumerId id();

    ConsumerConfig config();

    /**
     * What the consumer shares with every other kind: acknowledgement state, cursor, persistence, and the hooks
     * retention, purges, deletes and advisories work through.
     */
    ConsumerCore core();

    /** Applies an accepted update of the configuration. */
    void update(ConsumerConfig config);

    ConsumerInfo info();

    /**
     * A message on one of this consumer's ack subjects; {@code reply} is the acknowledger's reply subject. What the
     * acks free is delivered by {@link #afterAcks}, which the caller calls once after a run of them.
     */
    void onAck(AckReplySubject subject, byte[] body, String reply);

    /** After a run of {@link #onAck}s: delivers what they made room for (one pass, not one per ack). */
    void afterAcks();

    /** A message was stored in the consumer's stream. */
    void onStored();

    /**
     * The timer's turn: redeliveries, expiries, heartbeats.
     *
     * @return the messages that reached {@code max_deliver}, for the advisory
     */
    List<MaxDeliveriesExceeded> tick();

    /** Whether the consumer has been inactive past its inactive threshold and is to be deleted. */
    boolean inactive();

    /** The consumer is deleted. */
    void close();
}
