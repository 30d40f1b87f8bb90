package io.hermod.consumers.engine;

import io.hermod.consumers.ack.AckMessage;
import io.hermod.consumers.ack.AckReplySubject;
import io.hermod.consumers.ack.AckSettings;
import io.hermod.consumers.ack.AckState;
import io.hermod.consumers.ack.AckStateChanges;
import io.hermod.consumers.ack.StoredAckState;
import io.hermod.consumers.ack.TrackedMessage;
import io.hermod.consumers.config.AckPolicy;
import io.hermod.core.subject.SubjectFilter;
import io.hermod.consumers.ack.Delivered;
import io.hermod.consumers.ack.Delivery;
import io.hermod.consumers.ack.MaxDeliveriesExceeded;
import io.hermod.consumers.ack.SequencePair;
import io.hermod.consumers.api.ConsumerInfo;
import io.hermod.consumers.api.PullRequest;
import io.hermod.consumers.api.SequenceInfo;
import io.hermod.consumers.config.ConsumerConfig;
import io.hermod.consumers.state.ConsumerId;
import io.hermod.consumers.state.ConsumerRecord;
import io.hermod.consumers.state.ConsumerStateStore;
import io.hermod.store.StoredMessage;
import io.hermod.store.StreamState;
import io.hermod.store.StreamStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
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
final class PullConsumer {
    private final ConsumerId id;
    private final ConsumerStateStore store;
    private final Supplier<Optional<StreamStore>> stream;
    private final Outbox outbox;
    private final Clock clock;
    private final AckState ack;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    /** For {@code last_per_subject}: the sequences still to deliver before the stream's new messages. */
    private final TreeSet<Long> lastPerSubject;
    private ConsumerRecord record;
    private ConsumerObserver observer = ConsumerObserver.NONE;
    private Instant deliveredActive;
    private Instant ackActive;
    private long lastActivityNanos;

    /** Where a consumer's messages, statuses and advisories go. */
    interface Outbox {
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

    private PullConsumer(ConsumerRecord record, ConsumerStateStore store, Supplier<Optional<StreamStore>> stream,
                         Outbox outbox, Clock clock, AckState ack, TreeSet<Long> lastPerSubject) {
        this.id = record.id();
        this.record = record;
        this.store = store;
        this.stream = stream;
        this.outbox = outbox;
        this.clock = clock;
        this.ack = ack;
        this.lastPerSubject = lastPerSubject;
        this.lastActivityNanos = nanos(clock.instant());
    }

    /** A new consumer, starting where its deliver policy says; its configuration is saved first. */
    static PullConsumer create(ConsumerRecord record, ConsumerStateStore store, StreamStore streamStore,
                               Supplier<Optional<StreamStore>> stream, Outbox outbox, Clock clock) {
        StartSequence start = StartSequence.of(record.config(), streamStore);
        store.saveConfig(record);
        AckSettings settings = AckSettings.of(record.config());
        AckState ack;
        if (start.lastPerSubject().isEmpty()) {
            ack = AckState.start(settings, start.seq(), clock);
        } else {
            // nats-server 2.9.10 leaves the ack floor at 0 for last_per_subject, delivered just before the start
            SequencePair delivered = new SequencePair(0, start.seq() - 1);
            ack = AckState.restore(settings, new StoredAckState(delivered, SequencePair.ZERO, List.of()), clock);
            store.write(record.id(), new AckStateChanges(delivered, SequencePair.ZERO, List.of(), List.of()));
            store.saveStartSequences(record.id(), List.copyOf(start.lastPerSubject()));
        }
        PullConsumer consumer = new PullConsumer(record, store, stream, outbox, clock, ack, start.lastPerSubject());
        consumer.persist();
        return consumer;
    }

    /** A consumer read back from its store: its pending messages are due for redelivery. */
    static PullConsumer restore(ConsumerRecord record, ConsumerStateStore store, StreamStore streamStore,
                                Supplier<Optional<StreamStore>> stream, Outbox outbox, Clock clock) {
        AckSettings settings = AckSettings.of(record.config());
        return store.loadState(record.id())
                .map(state -> new PullConsumer(record, store, stream, outbox, clock,
                        AckState.restore(settings, state, clock), remainingStart(store, record, state)))
                .orElseGet(() -> create(record, store, streamStore, stream, outbox, clock));
    }

    /** What is left of a {@code last_per_subject} start list after what was delivered before the restart. */
    private static TreeSet<Long> remainingStart(ConsumerStateStore store, ConsumerRecord record, StoredAckState state) {
        TreeSet<Long> start = new TreeSet<>(store.loadStartSequences(record.id()));
        return new TreeSet<>(start.tailSet(state.delivered().streamSeq(), false));
    }

    ConsumerId id() {
        return id;
    }

    ConsumerConfig config() {
        return record.config();
    }

    /** Applies an accepted update of the configuration (fields nats-server lets change, AckState keeps its own). */
    void update(ConsumerConfig config) {
        record = new ConsumerRecord(id, config, record.created());
        store.saveConfig(record);
    }

    ConsumerInfo info() {
        dropUninterested();
        SequencePair delivered = ack.delivered();
        SequencePair floor = ack.ackFloor();
        return new ConsumerInfo(id.stream(), id.name(), record.created(), record.config(),
                new SequenceInfo(delivered.consumerSeq(), delivered.streamSeq(), deliveredActive),
                new SequenceInfo(floor.consumerSeq(), floor.streamSeq(), ackActive),
                ack.numAckPending(), ack.numRedelivered(), waiting.size(), numPending());
    }

    /** A pull request to the consumer; {@code reply} is where its messages and status go. */
    void request(String reply, PullRequest request) {
        long now = nanos(clock.instant());
        lastActivityNanos = now;
        if (reply == null || reply.isEmpty()) {
            return;
        }
        ConsumerConfig c = record.config();
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
        if (request.idleHeartbeatNanos() > 0 && request.expiresNanos() > 0
                && request.idleHeartbeatNanos() > request.expiresNanos() / 2) {
            status(reply, 400, "Bad Request - heartbeat value too large");
            return;
        }
        dropExpired(now);
        if (waiting.size() >= c.maxWaiting()) {
            dropUninterested();
        }
        if (waiting.size() >= c.maxWaiting()) {
            status(reply, 409, "Exceeded MaxWaiting");
            return;
        }
        waiting.addLast(new Waiting(reply, request, now));
        pump();
    }

    /** A message on one of this consumer's ack subjects. */
    void onAck(AckReplySubject subject, byte[] body, String reply) {
        lastActivityNanos = nanos(clock.instant());
        AckMessage message = AckMessage.parse(body);
        Optional<TrackedMessage> acked = ack.tracked(subject.streamSeq()).filter(TrackedMessage::pending);
        if (message instanceof AckMessage.Nak && acked.isPresent()
                && subject.consumerSeq() > ack.ackFloor().consumerSeq()) {
            observer.naked(this, subject.streamSeq(), subject.consumerSeq(), subject.deliveryCount());
        }
        boolean applied = AckMessage.applyTo(message, ack, subject);
        if (applied && (message instanceof AckMessage.Ack || message instanceof AckMessage.AckNext
                || message instanceof AckMessage.Term)) {
            ackActive = clock.instant();
        }
        CompletableFuture<Void> settled = persist();
        if (message instanceof AckMessage.Term) {
            observer.terminated(this, subject.streamSeq(), subject.consumerSeq(), subject.deliveryCount());
        } else if (applied && acked.isPresent() && record.config().ackPolicy() == AckPolicy.EXPLICIT
                && (message instanceof AckMessage.Ack || message instanceof AckMessage.AckNext)) {
            observer.acknowledged(this, subject.streamSeq(), subject.consumerSeq(), subject.deliveryCount(),
                    acked.get().deliveredNanos());
        }
        if (message instanceof AckMessage.AckNext next) {
            request(reply, PullRequest.parse(next.request().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return;
        }
        if (reply != null && !reply.isEmpty()) {
            // answered once retention's removals are durable (at once otherwise), as nats-server answers after them
            settled.thenRun(() -> outbox.send(reply, reply, null, null, new byte[0]));
        }
        pump();
    }

    /** A message was stored in the stream: serve the waiting requests. */
    void onStored() {
        if (!waiting.isEmpty()) {
            pump();
        }
    }

    /**
     * The timer's turn: expired requests get 408, heartbeats are sent, overdue acks are queued for redelivery.
     *
     * @return the messages that reached {@code max_deliver}, for the advisory
     */
    List<MaxDeliveriesExceeded> tick() {
        long now = nanos(clock.instant());
        dropExpired(now);
        for (Waiting w : waiting) {
            if (w.heartbeatNanos > 0 && now >= w.nextHeartbeatNanos) {
                SequencePair last = ack.delivered();
                byte[] headers = ("NATS/1.0 100 Idle Heartbeat\r\nNats-Last-Consumer: " + last.consumerSeq()
                        + "\r\nNats-Last-Stream: " + last.streamSeq() + "\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                outbox.send(w.reply, w.reply, null, headers, new byte[0]);
                w.nextHeartbeatNanos = now + w.heartbeatNanos;
            }
        }
        OptionalLong deadline = ack.nextDeadlineNanos();
        List<MaxDeliveriesExceeded> exceeded = List.of();
        if (deadline.isPresent() && deadline.getAsLong() <= now) {
            exceeded = ack.expire();
            persist();
        }
        if (!waiting.isEmpty()) {
            pump();
        }
        return exceeded;
    }

    /** Whether the consumer has been idle (no waiting request, no request or ack) past its inactive threshold. */
    boolean inactive() {
        long threshold = record.config().inactiveThresholdNanos();
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
        Optional<StreamStore> found = stream.get();
        if (found.isEmpty()) {
            return;
        }
        StreamStore messages = found.get();
        long pending = -1;
        while (!waiting.isEmpty()) {
            long searchable = messages.state().lastSeq(); // read first: a message stored meanwhile is not skipped
            Optional<Delivery> next = ack.nextDelivery(seq -> nextMatching(messages, seq));
            if (next.isEmpty()) {
                if (!ack.maxAckPendingReached()) {
                    ack.searchedTo(searchable);
                }
                answerNoWait();
                break;
            }
            long seq = next.get().streamSeq();
            Optional<StoredMessage> loaded = messages.load(seq);
            if (loaded.isEmpty()) {
                ack.onDelivered(seq); // gone meanwhile (deleted, purged, aged out): nothing left to deliver
                ack.ack(seq);
                continue;
            }
            StoredMessage m = loaded.get();
            Waiting w = waiting.peekFirst();
            if (!outbox.hasInterest(w.reply)) {
                waiting.removeFirst(); // its client is gone: nats-server drops such requests silently
                continue;
            }
            long size = m.storedSize();
            if (size > w.bytesLeft) {
                waiting.removeFirst();
                if (w.delivered == 0) {
                    status(w.reply, 409, "Message Size Exceeds MaxBytes");
                }
                continue;
            }
            if (pending < 0) {
                pending = numPending();
            }
            Delivered d = ack.onDelivered(seq);
            if (d.deliveryCount() == 1) {
                pending = Math.max(pending - 1, 0);
            }
            lastPerSubject.remove(seq);
            deliveredActive = clock.instant();
            String ackSubject = new AckReplySubject(id.stream(), id.name(), d.deliveryCount(), seq, d.consumerSeq(),
                    m.timestampNanos(), pending).format();
            outbox.send(w.reply, m.subject(), ackSubject, m.headers().length == 0 ? null : m.headers(), m.payload());
            w.remaining--;
            w.delivered++;
            w.bytesLeft -= size;
            if (w.remaining == 0) {
                waiting.removeFirst();
            }
        }
        persist();
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

    private long nextMatching(StreamStore messages, long from) {
        if (!lastPerSubject.isEmpty()) {
            Long next = lastPerSubject.ceiling(from);
            if (next != null) {
                return next;
            }
            lastPerSubject.clear();
        }
        String filter = record.config().filterSubject();
        return messages.next(from, filter.isEmpty() ? null : filter).map(StoredMessage::seq).orElse(0L);
    }

    /** {@code num_pending}: messages after the delivered stream sequence that match the filter. */
    long numPending() {
        Optional<StreamStore> found = stream.get();
        if (found.isEmpty()) {
            return 0;
        }
        StreamStore messages = found.get();
        long after = ack.delivered().streamSeq();
        String filter = record.config().filterSubject();
        if (filter.isEmpty() && lastPerSubject.isEmpty()) {
            StreamState state = messages.state();
            if (state.messages() == 0 || after >= state.lastSeq()) {
                return 0;
            }
            return after < state.firstSeq() ? state.messages() : state.lastSeq() - after;
        }
        long count = 0;
        long seq = after + 1;
        while (true) {
            long next = nextMatching(messages, seq);
            if (next <= 0) {
                return count;
            }
            count++;
            seq = next + 1;
        }
    }

    private void timeout(Waiting w) {
        long bytes = w.bytesLimited ? w.bytesLeft : 0;
        byte[] headers = ("NATS/1.0 408 Request Timeout\r\nNats-Pending-Messages: " + w.remaining
                + "\r\nNats-Pending-Bytes: " + bytes + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        outbox.send(w.reply, w.reply, null, headers, new byte[0]);
    }

    private void status(String reply, int code, String text) {
        byte[] headers = ("NATS/1.0 " + code + " " + text + "\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        outbox.send(reply, reply, null, headers, new byte[0]);
    }

    /** Writes the state's changes; the future completes once what follows from them (retention) is durable. */
    private CompletableFuture<Void> persist() {
        if (!ack.hasChanges()) {
            return ConsumerObserver.DONE;
        }
        AckStateChanges changes = ack.drainChanges();
        store.write(id, changes);
        return observer.written(this, changes);
    }

    /** Who learns of this consumer's acknowledgements (retention, advisories); nobody until set. */
    void observe(ConsumerObserver value) {
        observer = value == null ? ConsumerObserver.NONE : value;
    }

    /** nats's {@code needAck}: whether this consumer still has to acknowledge a message of the stream. */
    boolean needsAck(long streamSeq, String subject) {
        return matches(subject) && ack.needsAck(streamSeq);
    }

    /** Whether the consumer's filter takes messages on {@code subject}. */
    boolean matches(String subject) {
        String filter = record.config().filterSubject();
        return filter.isEmpty() || SubjectFilter.matches(filter, subject);
    }

    /** The ack floor's stream sequence. */
    long ackFloorSeq() {
        return ack.ackFloor().streamSeq();
    }

    /** The highest stream sequence delivered. */
    long deliveredSeq() {
        return ack.delivered().streamSeq();
    }

    /**
     * The stream was purged and {@code firstSeq} is where this consumer may find messages again (nats's
     * {@code consumer.purge}); written without telling the observer, as a purge acknowledges nothing.
     */
    void purged(long firstSeq) {
        lastPerSubject.headSet(firstSeq).clear();
        if (ack.purge(firstSeq)) {
            store.write(id, ack.drainChanges());
        }
    }

    /**
     * A message was deleted from the stream: if it was pending here it is acknowledged as by {@code +TERM}, as
     * nats-server 2.9.10 does ({@code decStreamPending}); returns it then, for the advisory.
     */
    Optional<TrackedMessage> messageDeleted(long streamSeq) {
        lastPerSubject.remove(streamSeq);
        Optional<TrackedMessage> pending = ack.tracked(streamSeq).filter(TrackedMessage::pending);
        if (pending.isPresent()) {
            ack.term(streamSeq);
            persist();
        }
        return pending;
    }

    /** The consumer is deleted: its waiting requests end with 409 Consumer Deleted, as in nats-server. */
    void close() {
        for (Waiting w : waiting) {
            status(w.reply, 409, "Consumer Deleted");
        }
        waiting.clear();
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
