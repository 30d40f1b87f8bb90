package io.hermod.store.engine;

import io.hermod.store.PurgeRequest;

/**
 * What the consumers learn of the streams' lives: a message was stored, deleted or purged, a stream was deleted;
 * and what the streams ask of them: whether anyone is interested in a message. Called on the thread
 * that made the change (a store's writer thread, the API thread): implementations must hand the work off and
 * return at once.
 */
public interface StreamEvents {
    StreamEvents NONE = new StreamEvents() {
        @Override
        public void stored(String stream, long seq) {
        }

        @Override
        public void deleted(String stream) {
        }
    };

    /** A message was stored at {@code seq} and can be read. */
    void stored(String stream, long seq);

    /** The stream was deleted with its messages. */
    void deleted(String stream);

    /**
     * Whether any consumer of an interest-retention stream wants a message on {@code subject}; one nobody wants is
     * not stored (it only takes a sequence). Asked on the publisher's thread before each store: answer from
     * thread-safe state without waiting.
     */
    default boolean interested(String stream, String subject) {
        return true;
    }

    /** One message was deleted through {@code $JS.API.STREAM.MSG.DELETE} (the removal is durable). */
    default void messageDeleted(String stream, long seq) {
    }

    /**
     * Messages were purged through {@code $JS.API.STREAM.PURGE} or by a {@code Nats-Rollup} message (the removal is
     * durable); {@code request} is the whole stream when it has no filter, sequence or keep.
     */
    default void purged(String stream, PurgeRequest request) {
    }

    /**
     * The stream's limits (max_msgs, max_bytes, max_age, max_msgs_per_subject) removed the messages at {@code seqs}
     * (the removal is as durable as the write that caused it), as nats-server's stores report them to consumers.
     */
    default void removedByLimits(String stream, long[] seqs) {
    }
}
