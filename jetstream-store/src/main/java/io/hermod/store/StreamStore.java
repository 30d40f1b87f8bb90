package io.hermod.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The messages of one stream: dense sequence numbers from 1, stored in order of arrival, read back by sequence,
 * by time or by subject, removed by delete, purge or the stream's limits.
 *
 * <p>Threads: every method may be called from any thread. Writes ({@link #append}, {@link #delete},
 * {@link #purge}) are queued to the store's single writer, which applies them in the order it receives them and
 * completes each future on its own thread once the change is durable under the store's sync policy: with the
 * default policy (no {@code sync_interval}) only after the log record is on disk. Callers must not block that
 * thread in a callback; use the {@code *Async} variants of {@link CompletableFuture} for heavy work. Reads see
 * every change whose future has completed, and nothing that could still be lost by a crash.
 */
public interface StreamStore extends AutoCloseable {

    /** The configuration the store was opened with. */
    StreamStoreConfig config();

    /**
     * Stores a message at the next sequence. The future completes with the sequence once the record is in the
     * log (and fsynced, under the default policy); it completes exceptionally with
     * {@link MessageRejectedException} when a limit refuses the message (too large, or discard new at a limit),
     * and with {@link StoreClosedException} when the store closes first.
     *
     * @param headers the NATS header block as received, or an empty array
     */
    CompletableFuture<Long> append(String subject, byte[] headers, byte[] payload);

    /**
     * Stores a message unless one with the same {@code msgId} (NATS's {@code Nats-Msg-Id}) was stored within the
     * stream's duplicate window; then completes with that message's sequence and {@code duplicate} set. Otherwise
     * as {@link #append}.
     */
    CompletableFuture<AppendResult> appendOnce(String msgId, String subject, byte[] headers, byte[] payload);

    /**
     * Stores a message as {@link #appendOnce} (when {@code msgId} is not null) or {@link #append} do, and tells
     * {@code listener} instead of completing a future: the publish path's form, which allocates no future chain
     * per message.
     */
    default void append(String msgId, String subject, byte[] headers, byte[] payload, AppendListener listener) {
        CompletableFuture<AppendResult> appended = msgId != null
                ? appendOnce(msgId, subject, headers, payload)
                : append(subject, headers, payload).thenApply(seq -> new AppendResult(seq, false));
        appended.whenComplete((result, failure) -> {
            if (failure != null) {
                listener.failed(failure instanceof java.util.concurrent.CompletionException
                        && failure.getCause() != null ? failure.getCause() : failure);
            } else {
                listener.appended(result.seq(), result.duplicate());
            }
        });
    }

    /**
     * Runs the completions of each group of writes (futures and listeners) inside {@code scope}: the publish path
     * passes one that batches the PubAcks of a group into one flush per receiving connection. Called on the
     * writer thread; {@code scope} must run its argument exactly once, on that thread.
     */
    default void completionScope(java.util.function.Consumer<Runnable> scope) {
    }

    /**
     * Uses the next sequence without storing a message, as nats-server's {@code SkipMsg} does for a message an
     * interest stream has no consumer for: the last sequence moves to it, and it counts as deleted while messages
     * remain before it (an empty stream's first sequence moves past it). Completes with the sequence once durable.
     */
    CompletableFuture<Long> skip();

    /**
     * {@link #skip} for a message with an id ({@code Nats-Msg-Id}): the id enters the duplicate window with the
     * skipped sequence, as nats-server keeps it; a repeated id within the window skips nothing and completes as a
     * duplicate of the earlier sequence.
     */
    CompletableFuture<AppendResult> skipOnce(String msgId);

    /**
     * The sequence of the message stored with {@code msgId} (NATS's {@code Nats-Msg-Id}) within the duplicate
     * window, as of the last completed write; empty when a message with that id would be stored.
     */
    OptionalLong duplicateOf(String msgId);

    /**
     * Tells {@code listener} of the messages the stream's limits remove from now on (max_msgs, max_bytes, max_age,
     * max_msgs_per_subject), once the write that removed them completed; called on the store's writer thread, so
     * it must hand the work off. Removals by delete or {@link #purge} are not reported here; those of
     * {@link #purgeForLimits} (limits lowered by a stream update) are.
     */
    default void onLimitRemovals(java.util.function.Consumer<long[]> listener) {
    }

    /** The message stored at {@code seq}, if it is still there (not deleted, purged or evicted). */
    Optional<StoredMessage> load(long seq);

    /** The first message at or after {@code fromSeq} whose subject matches the filter ({@code null}: any). */
    Optional<StoredMessage> next(long fromSeq, String subjectFilter);

    /** The sequence of the first stored message whose timestamp is at or after {@code time}. */
    OptionalLong seqForTime(Instant time);

    /** The newest stored message of a literal subject. */
    Optional<StoredMessage> lastBySubject(String subject);

    /** Removes one message; completes with {@code false} when it was not stored. Recorded as a tombstone. */
    CompletableFuture<Boolean> delete(long seq);

    /** Removes the messages a request selects; completes with how many were removed. */
    CompletableFuture<Long> purge(PurgeRequest request);

    /**
     * As {@link #purge}, for limits a stream update lowered: each message removed is reported to the
     * {@link #onLimitRemovals} listener, as nats-server's store reports the messages its new limits drop (its
     * consumers then count a pending one as terminated).
     */
    CompletableFuture<Long> purgeForLimits(PurgeRequest request);

    /** Totals of the stream as of the last completed write. */
    StreamState state();

    /** Message count per subject matching the filter ({@code null}: every subject); computed on demand. */
    Map<String, Long> subjectCounts(String subjectFilter);

    /**
     * Removes messages older than {@code max_age}; the writer also does this on its own on every write and
     * at least once per second while idle. Completes with how many were removed.
     */
    CompletableFuture<Long> expireOld();

    /** Stops accepting writes, completes what was queued, syncs and releases files. Idempotent. */
    @Override
    void close();
}
