package io.hermod.consumers.engine;

import io.hermod.consumers.ack.AckStateChanges;

import java.util.concurrent.CompletableFuture;

/**
 * What a consumer tells its service as it goes, on the consumers' worker thread: every change of its
 * acknowledgement state once written (deliveries and acknowledgements, not purges), for retention; and the
 * acknowledgements clients may watch through advisories.
 */
interface ConsumerObserver {
    CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    ConsumerObserver NONE = new ConsumerObserver() {
        @Override
        public CompletableFuture<Void> written(ConsumerCore consumer, AckStateChanges changes) {
            return DONE;
        }

        @Override
        public void terminated(ConsumerCore consumer, long streamSeq, long consumerSeq, long deliveries) {
        }

        @Override
        public void acknowledged(ConsumerCore consumer, long streamSeq, long consumerSeq, long deliveries,
                                 long deliveredNanos) {
        }

        @Override
        public void naked(ConsumerCore consumer, long streamSeq, long consumerSeq, long deliveries) {
        }
    };

    /** Tells {@code first}, then {@code second}. */
    static ConsumerObserver both(ConsumerObserver first, ConsumerObserver second) {
        return new ConsumerObserver() {
            @Override
            public CompletableFuture<Void> written(ConsumerCore consumer, AckStateChanges changes) {
                CompletableFuture<Void> a = first.written(consumer, changes);
                CompletableFuture<Void> b = second.written(consumer, changes);
                return a.isDone() && b.isDone() ? DONE : CompletableFuture.allOf(a, b);
            }

            @Override
            public void terminated(ConsumerCore consumer, long streamSeq, long consumerSeq, long deliveries) {
                first.terminated(consumer, streamSeq, consumerSeq, deliveries);
                second.terminated(consumer, streamSeq, consumerSeq, deliveries);
            }

            @Override
            public void acknowledged(ConsumerCore consumer, long streamSeq, long consumerSeq, long deliveries,
                                     long deliveredNanos) {
                first.acknowledged(consumer, streamSeq, consumerSeq, deliveries, deliveredNanos);
                second.acknowledged(consumer, streamSeq, consumerSeq, deliveries, deliveredNanos);
            }

            @Override
            public void naked(ConsumerCore consumer, long streamSeq, long consumerSeq, long deliveries) {
                first.naked(consumer, streamSeq, consumerSeq, deliveries);
                second.naked(consumer, streamSeq, consumerSeq, deliveries);
            }
        };
    }

    /**
     * A change of the consumer's acknowledgement state was written to its store. The future completes once what
     * follows from it is durable (messages removed for retention), so an acknowledgement is answered only then, as
     * nats-server answers it after the removal.
     */
    CompletableFuture<Void> written(ConsumerCore consumer, AckStateChanges changes);

    /** {@code +TERM} arrived on one of the consumer's ack subjects (with the subject's sequences and count). */
    void terminated(ConsumerCore consumer, long streamSeq, long consumerSeq, long deliveries);

    /** A pending message was acknowledged under ack policy explicit; {@code deliveredNanos}: its last delivery. */
    void acknowledged(ConsumerCore consumer, long streamSeq, long consumerSeq, long deliveries, long deliveredNanos);

    /** {@code -NAK} arrived for a pending message (with the ack subject's sequences and count). */
    void naked(ConsumerCore consumer, long streamSeq, long consumerSeq, long deliveries);
}
