package io.hermod.consumers.engine;

import io.hermod.consumers.ack.AckStateChanges;

import java.util.concurrent.CompletableFuture;

/** Hands a consumer's written acknowledgement changes to the {@link RetentionTracker}; nothing else. */
record RetentionObserver(RetentionTracker tracker) implements ConsumerObserver {
    @Override
    public CompletableFuture<Void> written(ConsumerCore consumer, AckStateChanges changes) {
        return tracker.written(consumer, changes);
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
}
