package io.hermod.consumers.engine;

import io.hermod.consumers.ack.AckMessage;
import io.hermod.consumers.ack.AckReplySubject;
import io.hermod.consumers.ack.AckSettings;
import io.hermod.consumers.ack.AckState;
import io.hermod.consumers.ack.AckStateChanges;
import io.hermod.consumers.ack.Delivered;
import io.hermod.consumers.ack.Delivery;
import io.hermod.consumers.ack.MaxDeliveriesExceeded;
import io.hermod.consumers.ack.SequencePair;
import io.hermod.consumers.ack.StoredAckState;
import io.hermod.consumers.ack.TrackedMessage;
import io.hermod.consumers.api.ConsumerInfo;
import io.hermod.consumers.api.SequenceInfo;
import io.hermod.consumers.config.AckPolicy;
import io.hermod.consumers.config.ConsumerConfig;
import io.hermod.consumers.state.ConsumerId;
import io.hermod.consumers.state.ConsumerRecord;
import io.hermod.consumers.state.ConsumerStateStore;
import io.hermod.core.subject.SubjectFilter;
import io.hermod.store.StoredMessage;
import io.hermod.store.StreamState;
import io.hermod.store.StreamStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What every consumer has, whichever way it delivers (pull requests or push to a subject): its configuration, its
 * acknowledgement state and the writes of it to a {@link ConsumerStateStore}, its cursor over the stream (filter,
 * the {@code last_per_subject} start), {@code num_pending} and consumer info; and what retention, purges, message
 * deletes and advisories need of a consumer ({@link ConsumerObserver}, {@link #needsAck}, {@link #purged},
 * {@link #messageDeleted}), so that pull and push consumers behave alike there.
 *
 * <p>Not thread-safe: it belongs to the {@link ConsumerService}'s worker thread.
 */
final class ConsumerCore {
    private final ConsumerId id;
    private final ConsumerStateStore store;
    private final Supplier<Optional<StreamStore>> stream;
    private final Clock clock;
    private final AckState ack;
    /** For {@code last_per_subject}: the sequences still to deliver before the stream's new messages. */
    private final TreeSet<Long> lastPerSubject;
    private ConsumerRecord record;
    /** The message {@link #nextMatching} read last: {@link #next} delivers it without reading it again. */
    private StoredMessage lookahead;
    private ConsumerObserver observer = ConsumerObserver.NONE;
    private Instant deliveredActive;
    private Instant ackActive;

    private ConsumerCore(ConsumerRecord record, ConsumerStateStore store, Supplier<Optional<StreamStore>> stream,
                         Clock clock, AckState ack, TreeSet<Long> lastPerSubject) {
        this.id = record.id();
        this.record = record;
        this.store = store;
        this.stream = stream;
        this.clock = clock;
        this.ack = ack;
        this.lastPerSubject = lastPerSubject;
    }

    /** A new consumer, starting where its deliver policy says; its configuration is saved first. */
    static ConsumerCore create(ConsumerRecord record, ConsumerStateStore store, StreamStore streamStore,
                               Supplier<Optional<StreamStore>> stream, Clock clock) {
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
        ConsumerCore core = new ConsumerCore(record, store, stream, clock, ack, start.lastPerSubject());
        core.persist();
        return core;
    }

    /** A consumer read back from its store: its pending messages are due for redelivery. */
    static ConsumerCore restore(ConsumerRecord record, ConsumerStateStore store, StreamStore streamStore,
                                Supplier<Optional<StreamStore>> stream, Clock clock) {
        AckSettings settings = AckSettings.of(record.config());
        return store.loadState(record.id())
                .map(state -> new ConsumerCore(record, store, stream, clock,
                        AckState.restore(settings, state, clock), remainingStart(store, record, state)))
                .orElseGet(() -> create(record, store, streamStore, stream, clock));
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

    /** Saves an accepted update of the configuration (fields nats-server lets change, AckState keeps its own). */
    void update(ConsumerConfig config) {
        record = new ConsumerRecord(id, config, record.created());
        store.saveConfig(record);
    }

    /** The consumer's stream, unless it is gone. */
    Optional<StreamStore> stream() {
        return stream.get();
    }

    /** The acknowledgement state's {@code delivered}: last consumer sequence, highest stream sequence delivered. */
    SequencePair delivered() {
        return ack.delivered();
    }

    /** Whether new messages are held back by {@code max_ack_pending}. */
    boolean maxAckPendingReached() {
        return ack.maxAckPendingReached();
    }

    ConsumerInfo info(int numWaiting, boolean pushBound) {
        SequencePair delivered = ack.delivered();
        SequencePair floor = ack.ackFloor();
        return new ConsumerInfo(id.stream(), id.name(), record.created(), record.config(),
                new SequenceInfo(delivered.consumerSeq(), delivered.streamSeq(), deliveredActive),
                new SequenceInfo(floor.consumerSeq(), floor.streamSeq(), ackActive),
                ack.numAckPending(), ack.numRedelivered(), numWaiting, numPending(), pushBound);
    }

    /**
     * The next message to deliver (a due redelivery first, then the next matching stream message), or empty.
     * Messages gone from the stream meanwhile (deleted, purged, aged out) are skipped: nothing is left to deliver.
     */
    Optional<StoredMessage> next(StreamStore messages) {
        while (true) {
            long searchable = messages.state().lastSeq(); // read first: a message stored meanwhile is not skipped
            Optional<Delivery> next = ack.nextDelivery(seq -> nextMatching(messages, seq));
            if (next.isEmpty()) {
                if (!ack.maxAckPendingReached()) {
                    ack.searchedTo(searchable);
                }
                return Optional.empty();
            }
            long seq = next.get().streamSeq();
            StoredMessage found = lookahead != null && lookahead.seq() == seq ? lookahead : null;
            lookahead = null;
            Optional<StoredMessage> loaded = found != null ? Optional.of(found) : messages.load(seq);
            if (loaded.isPresent()) {
                return loaded;
            }
            ack.onDelivered(seq);
            ack.ack(seq);
        }
    }

    /** num_pending as the deliveries of one turn see it: counted before the first, then lowered by each new one. */
    static final class PendingCount {
        private long value = -1;
    }

    PendingCount pendingCount() {
        return new PendingCount();
    }

    /**
     * Records that {@code m} goes out now and returns the ack subject it carries, whose pending count is
     * num_pending after this delivery.
     */
    String recordDelivery(StoredMessage m, PendingCount pending) {
        if (pending.value < 0) {
            pending.value = numPending();
        }
        Delivered d = ack.onDelivered(m.seq());
        if (d.deliveryCount() == 1) {
            pending.value = Math.max(pending.value - 1, 0);
        }
        lastPerSubject.remove(m.seq());
        deliveredActive = clock.instant();
        return new AckReplySubject(id.stream(), id.name(), d.deliveryCount(), m.seq(), d.consumerSeq(),
                m.timestampNanos(), pending.value).format();
    }

    /**
     * The ack subject {@link #recordDelivery} would give {@code m} now, with nothing recorded: a pull request's
     * {@code max_bytes} counts it, as nats-server does, before the message is let through.
     */
    String ackSubjectIfDelivered(StoredMessage m, PendingCount pending) {
        if (pending.value < 0) {
            pending.value = numPending();
        }
        int deliveries = ack.deliveriesIfDelivered(m.seq());
        long pendingAfter = deliveries == 1 ? Math.max(pending.value - 1, 0) : pending.value;
        return new AckReplySubject(id.stream(), id.name(), deliveries, m.seq(), ack.delivered().consumerSeq() + 1,
                m.timestampNanos(), pendingAfter).format();
    }

    /**
     * What an acknowledgement did: the message as parsed, and a future that completes once what follows from it
     * (retention's removals) is durable; the acknowledger's reply waits for it, as nats-server answers after them.
     */
    record AckOutcome(AckMessage message, CompletableFuture<Void> settled) {
    }

    /** A message on one of this consumer's ack subjects, applied, written, and told to the observer. */
    AckOutcome onAck(AckReplySubject subject, byte[] body) {
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
        return new AckOutcome(message, settled);
    }

    /**
     * Queues the messages whose ack deadline passed for redelivery.
     *
     * @return the messages that reached {@code max_deliver}, for the advisory
     */
    List<MaxDeliveriesExceeded> expireOverdue(long nowNanos) {
        OptionalLong deadline = ack.nextDeadlineNanos();
        if (deadline.isEmpty() || deadline.getAsLong() > nowNanos) {
            return List.of();
        }
        List<MaxDeliveriesExceeded> exceeded = ack.expire();
        persist();
        return exceeded;
    }

    /** Makes every pending message due for redelivery now (nats's {@code forceExpirePending}). */
    void redeliverAllPending() {
        for (TrackedMessage t : ack.snapshot().tracked()) {
            if (t.pending()) {
                ack.nak(t.streamSeq(), 0);
            }
        }
        ack.expire();
        persist();
    }

    private long nextMatching(StreamStore messages, long from) {
        lookahead = null;
        if (!lastPerSubject.isEmpty()) {
            Long next = lastPerSubject.ceiling(from);
            if (next != null) {
                return next;
            }
            lastPerSubject.clear();
        }
        String filter = record.config().filterSubject();
        lookahead = messages.next(from, filter.isEmpty() ? null : filter).orElse(null);
        return lookahead == null ? 0L : lookahead.seq();
    }

    /** What a pull request could get now: the messages not yet delivered and those due for redelivery. */
    long deliverable() {
        return numPending() + ack.numRedeliveriesDue();
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
        // Counted without nextMatching, which forgets the last_per_subject set once past it: counting must not
        // change what is delivered next.
        long count = 0;
        long seq = after + 1;
        if (!lastPerSubject.isEmpty()) {
            count = lastPerSubject.tailSet(seq, true).size();
            seq = Math.max(seq, lastPerSubject.last() + 1);
        }
        String matching = filter.isEmpty() ? null : filter;
        for (Optional<StoredMessage> m = messages.next(seq, matching); m.isPresent();
             m = messages.next(m.get().seq() + 1, matching)) {
            count++;
        }
        return count;
    }

    /**
     * Writes what changed in the acknowledgement state since the last write (or adds it to the worker task's write
     * group, see {@link ConsumerStateStore#beginGroup}) and tells the observer; the future completes once the
     * changes are written and what follows from them (retention's removals) is durable.
     */
    CompletableFuture<Void> persist() {
        if (!ack.hasChanges()) {
            return store.written(); // an earlier change of this task may still be held
        }
        AckStateChanges changes = ack.drainChanges();
        store.write(id, changes);
        CompletableFuture<Void> followed = observer.written(this, changes);
        CompletableFuture<Void> written = store.written();
        if (followed == ConsumerObserver.DONE) {
            return written;
        }
        return written == ConsumerStateStore.WRITTEN ? followed : followed.thenCombine(written, (a, b) -> null);
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

    long nowNanos() {
        return nanos(clock.instant());
    }

    static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
