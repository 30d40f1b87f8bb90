package io.hermod.store.engine;

import io.hermod.core.client.Message;
import io.hermod.store.AppendListener;
import io.hermod.store.MessageRejectedException;
import io.hermod.store.PurgeRequest;
import io.hermod.store.StorageType;
import io.hermod.store.StoredMessage;
import io.hermod.store.StreamStore;
import io.hermod.store.api.ApiError;
import io.hermod.store.api.JsApiError;
import io.hermod.store.api.RetentionPolicy;
import io.hermod.store.api.StreamConfig;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stream's publish path: checks a message as nats-server 2.9.10 does and in its order (sealed, expected stream,
 * repeated {@code Nats-Msg-Id}, expected last subject sequence, last sequence and last message id,
 * {@code Nats-Rollup}, size, limits), appends it and answers the publisher's reply subject only once the append
 * future completed, that is after the fsync under the default sync policy.
 *
 * <p>Order. Messages are issued to the store in the order they arrive (the store's writer keeps that order). A
 * message whose checks depend on the stream's state (an expected last sequence, subject sequence or message id, or
 * discard-new-per-subject) waits until every earlier write completed, and every later message waits behind it: the
 * {@code gate} future chains them. Messages without such checks are issued directly while nothing waits.
 *
 * <p>Threads: {@link #onMessage} runs on the publisher's thread (a Netty event loop) and never blocks; deferred
 * work runs on the thread completing the previous write (the store's writer), and only enqueues.
 */
final class StreamPublisher {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    private static final byte[] EMPTY = new byte[0];

    private final Stream stream;
    private final PublishContext context;
    private final PubAckReplies acks;
    private final Object lock = new Object();
    /** Completes once every message received so far has been issued to the store. Guarded by lock. */
    private CompletableFuture<Void> gate = DONE;
    /** Writes issued whose outcome (and follow-ups) is not handled yet; changed under lock, read anywhere. */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Completes when inFlight drops to 0; null or done while nobody waits. Replaced under lock. */
    private volatile CompletableFuture<Void> drained;
    /** The Nats-Msg-Id of the last stored message ("" when it had none), for Nats-Expected-Last-Msg-Id. */
    private volatile String lastMsgId = "";

    StreamPublisher(Stream stream, PublishContext context) {
        this.stream = stream;
        this.context = context;
        this.acks = new PubAckReplies(stream.name());
    }

    /** Recovers the last message id from the newest stored message (after open or reopen). */
    void recover() {
        StreamStore store = stream.store();
        long last = store.state().lastSeq();
        String id = last == 0 ? null : store.load(last).map(m -> NatsHeaders.get(m.headers(), NatsHeaders.MSG_ID))
                .orElse(null);
        lastMsgId = id == null ? "" : id;
    }

    void onMessage(Message m) {
        byte[] headers = m.headers() == null ? EMPTY : m.headers();
        StreamConfig config = stream.config();
        ApiError first = checkBeforeDedupe(config, headers);
        if (first != null) {
            replyError(m, first);
            return;
        }
        String msgId = NatsHeaders.get(headers, NatsHeaders.MSG_ID);
        if (msgId != null && msgId.isEmpty()) {
            msgId = null;
        }
        String rollup = NatsHeaders.get(headers, NatsHeaders.ROLLUP);
        Refusal later = checkAfterHeaders(config, m, headers, rollup);
        boolean needsState = expected(headers, NatsHeaders.EXPECTED_LAST_SEQ) != null
                || expected(headers, NatsHeaders.EXPECTED_LAST_SUBJECT_SEQ) != null
                || expected(headers, NatsHeaders.EXPECTED_LAST_MSG_ID) != null
                || config.discardNewPerSubject();
        if (later != null && msgId == null && !needsState) {
            later.answer(this, m);
            return;
        }
        // A repeated id is answered as a duplicate before any later check refuses it (nats-server's order), so
        // such a message waits for the earlier writes, like one whose checks read the stream's state.
        boolean checkInOrder = needsState || (later != null && msgId != null);
        PendingChecks pending = new PendingChecks(msgId, later);
        synchronized (lock) {
            if (!checkInOrder && gate.isDone()) {
                issue(m, headers, rollup, msgId);
                return;
            }
            CompletableFuture<Void> previous = gate;
            String id = msgId;
            gate = checkInOrder
                    ? previous.thenCompose(v -> lastIssued()).thenRun(() -> checkThenIssue(m, headers, rollup, pending))
                    : previous.thenRun(() -> issue(m, headers, rollup, id));
            gate = gate.exceptionally(e -> null);
        }
    }

    /**
     * Runs {@code operation} on {@code executor} once every write issued so far completed, holding later messages
     * back until it returned (used to swap the store on update and to close it on delete).
     */
    CompletableFuture<Void> exclusive(Runnable operation, Executor executor) {
        synchronized (lock) {
            CompletableFuture<Void> previous = gate;
            CompletableFuture<Void> ran = previous.thenCompose(v -> lastIssued()).thenRunAsync(operation, executor);
            gate = ran.handle((v, e) -> null);
            return ran;
        }
    }

    /**
     * Completes once every write issued so far and its follow-ups completed. Called only while the gate holds new
     * messages back, so that nothing is issued meanwhile but by the gate's own chain.
     */
    private CompletableFuture<Void> lastIssued() {
        synchronized (lock) {
            if (inFlight.get() == 0) {
                return DONE;
            }
            CompletableFuture<Void> waiting = drained;
            if (waiting == null || waiting.isDone()) {
                waiting = new CompletableFuture<>();
                drained = waiting;
            }
            if (inFlight.get() == 0) { // the last one finished between the check and the publication
                waiting.complete(null);
            }
            return waiting;
        }
    }

    /** One issued write was handled completely; wakes a waiter of {@link #lastIssued} when it was the last. */
    private void finished() {
        if (inFlight.decrementAndGet() == 0) {
            CompletableFuture<Void> waiting = drained;
            // Checked again: writes issued after the decrement (before anyone waited) must finish first.
            if (waiting != null && inFlight.get() == 0) {
                waiting.complete(null);
            }
        }
    }

    /** What nats-server checks before looking for a repeated message id: sealed, then the expected stream. */
    private static ApiError checkBeforeDedupe(StreamConfig config, byte[] headers) {
        if (config.sealed()) {
            return JsApiError.STREAM_SEALED.error();
        }
        String expectedStream = expected(headers, NatsHeaders.EXPECTED_STREAM);
        if (expectedStream != null && !expectedStream.equals(config.name())) {
            return JsApiError.STREAM_NOT_MATCH.error();
        }
        return null;
    }

    /**
     * The checks nats-server makes after the de-duplication and the {@code Nats-Expected-Last-*} headers, in its
     * order: rollup permitted, rollup value (an unknown one is dropped without a reply), size, server limit.
     */
    private Refusal checkAfterHeaders(StreamConfig config, Message m, byte[] headers, String rollup) {
        if (rollup != null) {
            if (!config.allowRollupHeaders() || config.denyPurge()) {
                return new Refusal(JsApiError.STREAM_ROLLUP_FAILED.error("rollup not permitted"));
            }
            if (!rollup.equals("sub") && !rollup.equals("all")) {
                return Refusal.DROP;
            }
        }
        long size = (long) headers.length + m.payload().length;
        if (config.maxMsgSize() >= 0 && size > config.maxMsgSize()) {
            return new Refusal(JsApiError.STREAM_MESSAGE_EXCEEDS_MAXIMUM.error());
        }
        StorageType storage = StoreModels.storage(config.storage());
        ApiError overLimit = context.checkServerLimit(storage,
                storage.messageSize(m.subject(), headers.length, m.payload().length));
        return overLimit == null ? null : new Refusal(overLimit);
    }

    private void checkThenIssue(Message m, byte[] headers, String rollup, PendingChecks pending) {
        try {
            StreamStore store = stream.store();
            if (pending.msgId() != null) {
                OptionalLong duplicate = store.duplicateOf(pending.msgId());
                if (duplicate.isPresent()) {
                    reply(m, acks.ok(duplicate.getAsLong(), true));
                    return;
                }
            }
            ApiError refused = checkExpected(store, m, headers);
            if (refused != null) {
                replyError(m, refused);
                return;
            }
            if (pending.later() != null) {
                pending.later().answer(this, m);
                return;
            }
            StreamConfig config = stream.config();
            if (config.discardNewPerSubject() && config.maxMsgsPerSubject() > 0
                    && store.subjectCounts(m.subject()).getOrDefault(m.subject(), 0L) >= config.maxMsgsPerSubject()) {
                replyError(m, JsApiError.STREAM_STORE_FAILED.error("maximum messages per subject exceeded"));
                return;
            }
            issue(m, headers, rollup, pending.msgId());
        } catch (RuntimeException e) {
            replyError(m, storeFailed(e));
        }
    }

    /** The {@code Nats-Expected-Last-*} headers, in nats-server's order. */
    private ApiError checkExpected(StreamStore store, Message m, byte[] headers) {
        String expectedSubjectSeq = expected(headers, NatsHeaders.EXPECTED_LAST_SUBJECT_SEQ);
        if (expectedSubjectSeq != null) {
            long subjectSeq = store.lastBySubject(m.subject()).map(StoredMessage::seq).orElse(0L);
            if (parse(expectedSubjectSeq) != subjectSeq) {
                return JsApiError.STREAM_WRONG_LAST_SEQUENCE.error(subjectSeq);
            }
        }
        String expectedSeq = expected(headers, NatsHeaders.EXPECTED_LAST_SEQ);
        long lastSeq = store.state().lastSeq();
        if (expectedSeq != null && parse(expectedSeq) != lastSeq) {
            return JsApiError.STREAM_WRONG_LAST_SEQUENCE.error(lastSeq);
        }
        String expectedId = expected(headers, NatsHeaders.EXPECTED_LAST_MSG_ID);
        if (expectedId != null && !expectedId.equals(lastMsgId)) {
            return JsApiError.STREAM_WRONG_LAST_MSG_ID.error(lastMsgId);
        }
        return null;
    }

    /** A refusal decided before the message's turn: an error reply, or (error null) a silent drop. */
    private record Refusal(ApiError error) {
        static final Refusal DROP = new Refusal(null);

        void answer(StreamPublisher publisher, Message m) {
            if (error != null) {
                publisher.replyError(m, error);
            }
        }
    }

    /** What a message checked in its turn carries: its id (or null) and a refusal found on arrival (or null). */
    private record PendingChecks(String msgId, Refusal later) {
    }

    /** An expectation header's value; an empty one is no expectation, as nats-server reads them. */
    private static String expected(byte[] headers, String name) {
        String value = NatsHeaders.get(headers, name);
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * nats-server's parse of these headers: anything but plain decimal digits (a sign included) is -1, which
     * matches no sequence.
     */
    private static long parse(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return -1;
            }
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void issue(Message m, byte[] headers, String rollup, String msgId) {
        synchronized (lock) {
            StreamStore store = stream.store();
            inFlight.incrementAndGet();
            if (stream.config().retention() == RetentionPolicy.INTEREST
                    && !context.events().interested(stream.name(), m.subject())) {
                // nats-server 2.9.10 stores nothing nobody is interested in, but the message still takes a sequence
                // (its id still enters the duplicate window; nats 2.9.10 records it with sequence 0, which
                // jnats refuses as an invalid ack when the id is repeated: the skipped sequence is kept instead)
                if (msgId == null) {
                    store.skip().whenComplete((seq, failure) -> skipped(m, null, seq, false, failure));
                } else {
                    store.skipOnce(msgId).whenComplete((result, failure) -> skipped(m, msgId,
                            result == null ? null : result.seq(), result != null && result.duplicate(), failure));
                }
                return;
            }
            Issued issued = new Issued(store, m, msgId, rollup);
            try {
                store.append(msgId, m.subject(), headers, m.payload(), issued);
            } catch (RuntimeException e) {
                issued.failed(e);
            }
        }
    }

    /** A message handed to the store, waiting for its outcome (told on the store's writer thread). */
    private final class Issued implements AppendListener {
        private final StreamStore store;
        private final Message message;
        private final String msgId;
        private final String rollup;
        /** Whether the outcome was heard: a listener that threw inside append must not be told twice. */
        private boolean heard;

        Issued(StreamStore store, Message message, String msgId, String rollup) {
            this.store = store;
            this.message = message;
            this.msgId = msgId;
            this.rollup = rollup;
        }

        @Override
        public void appended(long seq, boolean duplicate) {
            if (heard) {
                return;
            }
            heard = true;
            boolean rollingUp = false;
            try {
                if (duplicate) {
                    reply(message, acks.ok(seq, true));
                    return;
                }
                lastMsgId = msgId == null ? "" : msgId;
                if (rollup == null) {
                    // The PubAck first, then the consumers' wake-up (nats-server's order too): it keeps their
                    // thread from competing with the ack on its way out.
                    reply(message, acks.ok(seq, false));
                    context.events().stored(stream.name(), seq);
                    return;
                }
                context.events().stored(stream.name(), seq);
                rollingUp = true;
                rollUp(store, message, rollup, seq); // finishes once the purge completed
            } finally {
                if (!rollingUp) {
                    finished();
                }
            }
        }

        @Override
        public void failed(Throwable cause) {
            if (heard) {
                return;
            }
            heard = true;
            try {
                replyError(message, storeFailed(cause));
            } finally {
                finished();
            }
        }
    }

    private void rollUp(StreamStore store, Message m, String rollup, long seq) {
        PurgeRequest purge = new PurgeRequest(rollup.equals("sub") ? m.subject() : null, seq, -1);
        CompletableFuture<Long> purged;
        try {
            purged = store.purge(purge);
        } catch (RuntimeException e) {
            purged = CompletableFuture.failedFuture(e);
        }
        purged.whenComplete((count, e) -> {
            try {
                if (e != null) {
                    replyError(m, JsApiError.STREAM_ROLLUP_FAILED.error(cause(e).getMessage()));
                } else {
                    context.events().purged(stream.name(), purge); // consumers move as after an API purge, as in nats
                    reply(m, acks.ok(seq, false));
                }
            } finally {
                finished();
            }
        });
    }

    private void skipped(Message m, String msgId, Long seq, boolean duplicate, Throwable failure) {
        try {
            if (failure != null) {
                replyError(m, storeFailed(failure));
            } else if (duplicate) {
                reply(m, acks.ok(seq, true));
            } else {
                lastMsgId = msgId == null ? "" : msgId;
                reply(m, acks.ok(seq, false));
            }
        } finally {
            finished();
        }
    }

    private static ApiError storeFailed(Throwable failure) {
        Throwable cause = cause(failure);
        if (cause instanceof MessageRejectedException rejected) {
            return rejected.reason() == MessageRejectedException.Reason.MESSAGE_TOO_LARGE
                    ? JsApiError.STREAM_MESSAGE_EXCEEDS_MAXIMUM.error()
                    : JsApiError.STREAM_STORE_FAILED.error(rejected.reason().description());
        }
        return JsApiError.STREAM_STORE_FAILED.error(String.valueOf(cause.getMessage()));
    }

    private static Throwable cause(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private void replyError(Message m, ApiError error) {
        reply(m, acks.error(error));
    }

    private void reply(Message m, byte[] payload) {
        if (m.replyTo() != null && !m.replyTo().isEmpty() && !stream.config().noAck()) {
            context.reply(m.replyTo(), payload);
        }
    }
}
