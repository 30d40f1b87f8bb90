package io.hermod.consumers.engine;

import io.hermod.consumers.ack.AckMessage;
import io.hermod.consumers.ack.AckReplySubject;
import io.hermod.consumers.ack.MaxDeliveriesExceeded;
import io.hermod.consumers.ack.SequencePair;
import io.hermod.consumers.api.ConsumerInfo;
import io.hermod.consumers.api.PullRequest;
import io.hermod.consumers.config.ConsumerConfig;
import io.hermod.consumers.state.ConsumerId;
import io.hermod.consumers.state.ConsumerRecord;
import io.hermod.consumers.state.ConsumerStateStore;
import io.hermod.store.StoredMessage;
import io.hermod.store.StreamStore;
import io.hermod.store.api.JsApiException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One pull consumer: its configuration, acknowledgement state and the pull requests waiting for messages (ADR-13).
 * Delivers each message to a request's reply subject under its own subject, with the ack subject as reply, and
 * answers requests that end without a full batch with nats-server 2.9.10's statuses (404 No Messages, 408 Request
 * Timeout, 409 ...). Every change of the acknowledgement state is written to its {@link ConsumerStateStore} before
 * the next request is served.
 *
 * <p>Not thread-safe: it belongs to the {@link ConsumerService}'s worker thread.
 */
final class PullConsumer implements Consumer {
    private final ConsumerCore core;
    private final Outbox outbox;
    private final Clock clock;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private long lastActivityNanos;

    /** Deliveries of one pump after which their state is written and they are sent, before the pump goes on. */
    private static final int RELEASE_EVERY = 256;

    /** Where a consumer's messages, statuses and advisories go. */
    interface Outbox {
        /**
         * The state that records what was sent so far is written: held sends may go. Sends are held until the
         * worker task ends otherwise; a long pump releases on the way so they do not pile up.
         */
        default void release() {
        }

        /** A message for the subscribers of {@code destination}, seen under {@code subject}. */
        void send(String destination, String subject, String replyTo, byte[] headers, byte[] payload);

        /** Whether anyone listens on a request's reply subject. */
        boolean hasInterest(String subject);
    }

    /** A pull request waiting for messages: what is left of its batch and bytes, and when it expires. */
    private static final class Waiting {
        final String reply;
        final boolean noWait;
        final long expiresAtNanos;
        final long heartbeatNanos;
        final boolean bytesLimited;
        int remaining;
        long bytesLeft;
        int delivered;
        long nextHeartbeatNanos;

        Waiting(String reply, PullRequest request, long now) {
            this.reply = reply;
            this.noWait = request.noWait();
            this.expiresAtNanos = request.expiresNanos() > 0 ? now + request.expiresNanos() : 0;
            this.heartbeatNanos = request.idleHeartbeatNanos();
            this.remaining = request.batch();
            this.bytesLimited = request.maxBytes() > 0;
            this.bytesLeft = bytesLimited ? request.maxBytes() : Long.MAX_VALUE;
            this.nextHeartbeatNanos = heartbeatNanos > 0 ? now + heartbeatNanos : 0;
        }
    }

    private PullConsumer(ConsumerCore core, Outbox outbox, Clock clock) {
        this.core = core;
        this.outbox = outbox;
        this.clock = clock;
        this.lastActivityNanos = nanos(clock.instant());
    }

    /** A new consumer, starting where its deliver policy says; its configuration is saved first. */
    static PullConsumer create(ConsumerRecord record, ConsumerStateStore store, StreamStore streamStore,
                               Supplier<Optional<StreamStore>> stream, Outbox outbox, Clock clock) {
        return new PullConsumer(ConsumerCore.create(record, store, streamStore, stream, clock), outbox, clock);
    }

    /** A consumer read back from its store: its pending messages are due for redelivery. */
    static PullConsumer restore(ConsumerRecord record, ConsumerStateStore store, StreamStore streamStore,
                                Supplier<Optional<StreamStore>> stream, Outbox outbox, Clock clock) {
        return new PullConsumer(ConsumerCore.restore(record, store, streamStore, stream, clock), outbox, clock);
    }

    @Override
    public ConsumerId id() {
        return core.id();
    }

    @Override
    public ConsumerConfig config() {
        return core.config();
    }

    @Override
    public ConsumerCore core() {
        return core;
    }

    /** Applies an accepted update of the configuration (fields nats-server lets change, AckState keeps its own). */
    @Override
    public void update(ConsumerConfig config) {
        core.update(config);
    }

    @Override
    public ConsumerInfo info() {
        dropUninterested();
        return core.info(waiting.size(), false);
    }

    /**
     * A pull request to the consumer, as its body came (JSON, a batch size, or nothing); {@code reply} is where its
     * messages and status go. A body that is not valid JSON gets nats-server's 400, though not Go's parser message.
     */
    void request(String reply, byte[] body) {
        PullRequest request;
        try {
            request = PullRequest.parse(body);
        } catch (JsApiException e) {
            lastActivityNanos = nanos(clock.instant());
            if (reply != null && !reply.isEmpty()) {
                status(reply, 400, "Bad Request - invalid JSON");
            }
            return;
        }
        request(reply, request);
    }

    /** A pull request to the consumer; {@code reply} is where its messages and status go. */
    void request(String reply, PullRequest request) {
        long now = nanos(clock.instant());
        lastActivityNanos = now;
        if (reply == null || reply.isEmpty()) {
            return;
        }
        // nats-server refuses this while reading the request, before any limit: an idle heartbeat needs an expiry
        // of at least twice its interval.
        if (request.idleHeartbeatNanos() > 0 && request.idleHeartbeatNanos() * 2 > request.expiresNanos()) {
            status(reply, 400, "Bad Request - heartbeat value too large");
            return;
        }
        ConsumerConfig c = core.config();
        if (c.maxBatch() > 0 && request.batch() > c.maxBatch()) {
            status(reply, 409, "Exceeded MaxRequestBatch of " + c.maxBatch());
            return;
        }
        if (c.maxExpiresNanos() > 0 && request.expiresNanos() > c.maxExpiresNanos()) {
            status(reply, 409, "Exceeded MaxRequestExpires of " + GoDurationText.format(c.maxExpiresNanos()));
            return;
        }
        if (c.maxBytes() > 0 && request.maxBytes() > c.maxBytes()) {
            status(reply, 409, "Exceeded MaxRequestMaxBytes of " + c.maxBytes());
            return;
        }
        dropExpired(now);
        if (waiting.size() >= c.maxWaiting()) {
            dropUninterested();
        }
        if (request.noWait()) {
            long deliverable = core.deliverable();
            if (deliverable == 0 && request.expiresNanos() == 0) {
                status(reply, 404, "No Messages");
                return;
            }
            // What is there is already asked for by the requests waiting: nats-server turns a no_wait one away.
            if (deliverable > 0 && deliverable < waiting.stream().mapToLong(w -> w.remaining).sum()) {
                status(reply, 408, "Requests Pending");
                return;
            }
        }
        if (waiting.size() >= c.maxWaiting()) {
            status(reply, 409, "Exceeded MaxWaiting");
            return;
        }
        if (request.expiresNanos() < 0) {
            // Expired before it came: nats-server answers 408 without delivering (or drops it when messages wait).
            timeout(new Waiting(reply, request, now));
            return;
        }
        waiting.addLast(new Waiting(reply, request, now));
        pump();
    }

    /** A message on one of this consumer's ack subjects. */
    @Override
    public void onAck(AckReplySubject subject, byte[] body, String reply) {
        lastActivityNanos = nanos(clock.instant());
        ConsumerCore.AckOutcome outcome = core.onAck(subject, body);
        if (outcome.message() instanceof AckMessage.AckNext next) {
            request(reply, next.request().getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (reply != null && !reply.isEmpty()) {
            // answered once retention's removals are durable (at once otherwise), as nats-server answers after them
            outcome.settled().thenRun(() -> outbox.send(reply, reply, null, null, new byte[0]));
        }
    }

    @Override
    public void afterAcks() {
        if (!waiting.isEmpty()) {
            pump();
        }
    }

    /** A message was stored in the stream: serve the waiting requests. */
    @Override
    public void onStored() {
        if (!waiting.isEmpty()) {
            pump();
        }
    }

    /**
     * The timer's turn: expired requests get 408, heartbeats are sent, overdue acks are queued for redelivery.
     *
     * @return the messages that reached {@code max_deliver}, for the advisory
     */
    @Override
    public List<MaxDeliveriesExceeded> tick() {
        long now = nanos(clock.instant());
        dropExpired(now);
        for (Waiting w : waiting) {
            if (w.heartbeatNanos > 0 && now >= w.nextHeartbeatNanos) {
                SequencePair last = core.delivered();
                byte[] headers = ("NATS/1.0 100 Idle Heartbeat\r\nNats-Last-Consumer: " + last.consumerSeq()
                        + "\r\nNats-Last-Stream: " + last.streamSeq() + "\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                outbox.send(w.reply, w.reply, null, headers, new byte[0]);
                w.nextHeartbeatNanos = now + w.heartbeatNanos;
            }
        }
        List<MaxDeliveriesExceeded> exceeded = core.expireOverdue(now);
        if (!waiting.isEmpty()) {
            pump();
        }
        return exceeded;
    }

    /** Whether the consumer has been idle (no waiting request, no request or ack) past its inactive threshold. */
    @Override
    public boolean inactive() {
        long threshold = core.config().inactiveThresholdNanos();
        return threshold > 0 && waiting.isEmpty() && nanos(clock.instant()) - lastActivityNanos > threshold;
    }

    /** Forgets the waiting requests nobody listens for any more, as nats-server does. */
    private void dropUninterested() {
        waiting.removeIf(w -> !outbox.hasInterest(w.reply));
    }

    private void dropExpired(long now) {
        for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
            Waiting w = it.next();
            if (w.expiresAtNanos > 0 && now >= w.expiresAtNanos) {
                it.remove();
                timeout(w);
            }
        }
    }

    /** Delivers to the waiting requests, oldest first, while there is something to deliver. */
    private void pump() {
        Optional<StreamStore> found = core.stream();
        if (found.isEmpty()) {
            return;
        }
        StreamStore messages = found.get();
        ConsumerCore.PendingCount pending = core.pendingCount();
        int sent = 0;
        Waiting listened = null; // the request whose client was seen listening in this pump: not asked again
        while (!waiting.isEmpty()) {
            Optional<StoredMessage> next = core.next(messages);
            if (next.isEmpty()) {
                answerNoWait();
                break;
            }
            StoredMessage m = next.get();
            Waiting w = waiting.peekFirst();
            if (w != listened) {
                if (!outbox.hasInterest(w.reply)) {
                    waiting.removeFirst(); // its client is gone: nats-server drops such requests silently
                    continue;
                }
                listened = w;
            }
            long size = w.bytesLimited ? pullSize(m, core.ackSubjectIfDelivered(m, pending)) : 0;
            if (size > w.bytesLeft) {
                // nats-server ends the request, delivered or not, and offers the message to the next one
                waiting.removeFirst();
                pendingStatus(w, "409 Message Size Exceeds MaxBytes");
                continue;
            }
            String ackSubject = core.recordDelivery(m, pending);
            byte[] headers = m.headers().length == 0 ? null : m.headers();
            byte[] payload = m.payload();
            if (core.config().headersOnly()) {
                headers = HeadersOnly.headers(m.headers(), payload.length);
                payload = new byte[0];
            }
            outbox.send(w.reply, m.subject(), ackSubject, headers, payload);
            if (++sent % RELEASE_EVERY == 0) {
                core.persist();
                outbox.release();
            }
            w.remaining--;
            w.delivered++;
            w.bytesLeft -= size;
            if (w.remaining == 0 || w.bytesLeft == 0) {
                waiting.removeFirst();
            }
        }
        core.persist();
    }

    /** Nothing to deliver now: no_wait requests end, with 404 when they got nothing and had no expiry. */
    private void answerNoWait() {
        for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
            Waiting w = it.next();
            if (w.noWait) {
                it.remove();
                if (w.delivered == 0 && w.expiresAtNanos == 0) {
                    status(w.reply, 404, "No Messages");
                } else {
                    timeout(w);
                }
            }
        }
    }

    /** {@code num_pending}: messages after the delivered stream sequence that match the filter. */
    long numPending() {
        return core.numPending();
    }

    /**
     * What a pull request's {@code max_bytes} counts for one message, as nats-server 2.9.10 does: its subject, the
     * ack subject it goes out with, its stored headers and payload (before any headers-only cut).
     */
    private static long pullSize(StoredMessage m, String ackSubject) {
        return m.subject().getBytes(StandardCharsets.UTF_8).length + ackSubject.length()
                + (long) m.headers().length + m.payload().length;
    }

    private void timeout(Waiting w) {
        pendingStatus(w, "408 Request Timeout");
    }

    /** A status ending request {@code w}, with what it had left: messages, and bytes when it set max_bytes. */
    private void pendingStatus(Waiting w, String status) {
        long bytes = w.bytesLimited ? w.bytesLeft : 0;
        byte[] headers = ("NATS/1.0 " + status + "\r\nNats-Pending-Messages: " + w.remaining
                + "\r\nNats-Pending-Bytes: " + bytes + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        outbox.send(w.reply, w.reply, null, headers, new byte[0]);
    }

    private void status(String reply, int code, String text) {
        byte[] headers = ("NATS/1.0 " + code + " " + text + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        outbox.send(reply, reply, null, headers, new byte[0]);
    }

    /** The consumer is deleted: its waiting requests end with 409 Consumer Deleted, as in nats-server. */
    @Override
    public void close() {
        for (Waiting w : waiting) {
            status(w.reply, 409, "Consumer Deleted");
        }
        waiting.clear();
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
