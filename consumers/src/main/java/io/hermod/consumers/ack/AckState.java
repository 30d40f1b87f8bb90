package io.hermod.consumers.ack;

import io.hermod.consumers.config.AckPolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongUnaryOperator;

/**
 * One consumer's acknowledgement state, as nats-server 2.9.10's {@code consumer} keeps it: delivered (consumer and
 * stream sequence), ack floor, the pending messages with their delivery counts and ack deadlines, the redelivery
 * counts and the redelivery queue. Sequences, floors and counts follow nats's {@code processAckMsg},
 * {@code processNak}, {@code progressUpdate}, {@code checkPending} and {@code getNextMsg}; where Hermod differs it
 * says so on the method.
 *
 * <p>It does no I/O: every change is also recorded for {@link #drainChanges()}, which the owner writes with a
 * {@link io.hermod.consumers.state.ConsumerStateStore} after each delivery or acknowledgement batch. Times come from
 * the injected {@link Clock}.
 *
 * <p>Costs: deliveries and acks are O(log n) in the tracked messages (ack floor moves may scan up to the next
 * pending one); {@link #expire()}, {@link #nextDeadlineNanos()} and {@link #numRedelivered()} scan them all, n
 * being bounded by {@code max_ack_pending} in practice.
 *
 * <p><b>Not thread-safe.</b> It belongs to its consumer's single delivery thread (or is guarded by the consumer's
 * lock); every method must be called from that thread only.
 */
public final class AckState {
    private final AckSettings settings;
    private final Clock clock;
    /** Stream sequence → tracked message; pending ones and max-delivered ones still counted as redelivered. */
    private final TreeMap<Long, Tracked> tracked = new TreeMap<>();
    private final RedeliveryQueue redeliveries = new RedeliveryQueue();
    private final TreeSet<Long> touched = new TreeSet<>();
    private final TreeSet<Long> removed = new TreeSet<>();
    private long deliveredConsumerSeq;
    private long deliveredStreamSeq;
    private long floorConsumerSeq;
    private long floorStreamSeq;
    private int pendingCount;
    private boolean headerChanged;

    private AckState(AckSettings settings, Clock clock, StoredAckState stored) {
        this.settings = settings;
        this.clock = clock;
        deliveredConsumerSeq = stored.delivered().consumerSeq();
        deliveredStreamSeq = stored.delivered().streamSeq();
        floorConsumerSeq = stored.ackFloor().consumerSeq();
        floorStreamSeq = stored.ackFloor().streamSeq();
    }

    /** A fresh state that will deliver from stream sequence {@code startSeq} on. */
    public static AckState start(AckSettings settings, long startSeq, Clock clock) {
        AckState state = new AckState(settings, clock, StoredAckState.startingAt(startSeq));
        state.headerChanged = true;
        return state;
    }

    /**
     * The state after a restart: every message that was pending is due for redelivery at once, in stream order, and
     * keeps its delivery count, so its next delivery carries the redelivered flag. One that has already been
     * delivered {@code max_deliver} times is not queued: the next {@link #expire()} drops and reports it.
     */
    public static AckState restore(AckSettings settings, StoredAckState stored, Clock clock) {
        AckState state = new AckState(settings, clock, stored);
        for (TrackedMessage m : stored.tracked()) {
            Tracked t = new Tracked(m.consumerSeq(), m.lastConsumerSeq(), m.deliveries(), m.deliveredNanos(), m.pending());
            state.tracked.put(m.streamSeq(), t);
            if (t.pending) {
                state.pendingCount++;
                if (settings.deliveriesExhausted(t.deliveries)) {
                    t.deadlineNanos = Long.MIN_VALUE; // due: the next expire() drops and reports it
                } else {
                    state.redeliveries.add(m.streamSeq());
                }
            }
        }
        return state;
    }

    /**
     * What to deliver next: the head of the redelivery queue if any (max ack pending does not hold redeliveries
     * back, as in nats), else, unless {@link #maxAckPendingReached()}, the next new message.
     * {@code nextMatchingSeq} maps a stream sequence to the first sequence at or after it whose subject matches the
     * consumer's filter, or 0 when there is none yet. Changes nothing; {@link #onDelivered} records the delivery.
     */
    public Optional<Delivery> nextDelivery(LongUnaryOperator nextMatchingSeq) {
        long due = redeliveries.peek();
        if (due != 0) {
            return Optional.of(new Delivery(due, tracked.get(due).deliveries + 1));
        }
        if (maxAckPendingReached()) {
            return Optional.empty();
        }
        long next = nextMatchingSeq.applyAsLong(deliveredStreamSeq + 1);
        if (next <= 0) {
            return Optional.empty();
        }
        if (next <= deliveredStreamSeq) {
            throw new IllegalArgumentException("next matching sequence " + next + " is not after " + deliveredStreamSeq);
        }
        return Optional.of(new Delivery(next, 1));
    }

    /**
     * The delivery count {@link #onDelivered} would give {@code streamSeq} now (its consumer sequence is
     * {@code delivered consumer sequence + 1}); changes nothing.
     *
     * @throws IllegalArgumentException when the sequence is neither due for redelivery nor new
     */
    public int deliveriesIfDelivered(long streamSeq) {
        Tracked t = tracked.get(streamSeq);
        if (t != null && t.pending && redeliveries.contains(streamSeq)) {
            return t.deliveries + 1;
        }
        if (streamSeq > deliveredStreamSeq) {
            return 1;
        }
        throw new IllegalArgumentException("stream sequence " + streamSeq + " is neither due for redelivery nor new");
    }

    /**
     * Records that the message at {@code streamSeq} was handed to the client: a redelivery when it is queued for
     * one, otherwise a first delivery of a stream sequence above {@link #delivered()}. It gets the next consumer
     * sequence and a new ack deadline; under ack policy none it is done at once (the ack floor follows).
     *
     * @throws IllegalArgumentException when the sequence is neither due for redelivery nor new
     */
    public Delivered onDelivered(long streamSeq) {
        long now = nowNanos();
        long consumerSeq = deliveredConsumerSeq + 1;
        Tracked t = tracked.get(streamSeq);
        int deliveries;
        if (t != null && t.pending && redeliveries.remove(streamSeq)) {
            t.lastConsumerSeq = consumerSeq;
            t.deliveries++;
            t.deliveredNanos = now;
            t.deadlineNanos = now + settings.ackWaitFor(t.deliveries);
            deliveries = t.deliveries;
            touched.add(streamSeq);
        } else if (streamSeq > deliveredStreamSeq) {
            deliveredStreamSeq = streamSeq;
            deliveries = 1;
            if (settings.policy().tracksPending()) {
                Tracked fresh = new Tracked(consumerSeq, consumerSeq, 1, now, true);
                fresh.deadlineNanos = now + settings.ackWaitFor(1);
                tracked.put(streamSeq, fresh);
                pendingCount++;
                touch(streamSeq);
            } else {
                floorConsumerSeq = consumerSeq;
                floorStreamSeq = streamSeq;
            }
        } else {
            throw new IllegalArgumentException("stream sequence " + streamSeq + " is neither due for redelivery nor new");
        }
        deliveredConsumerSeq = consumerSeq;
        headerChanged = true;
        return new Delivered(streamSeq, consumerSeq, deliveries, now);
    }

    /**
     * A positive acknowledgement ({@code +ACK}) of the message at {@code streamSeq}, by the consumer's ack policy:
     * that message alone under explicit, it and everything delivered before under all ({@link #ackAll}), nothing
     * under none. {@code replyConsumerSeq} is the consumer sequence of the ack subject; nats uses it where the
     * message is no longer pending (explicit) and as the new floor (all). Returns whether a pending message was
     * acknowledged.
     *
     * <p>Hermod ignores acks of stream sequences above {@link #delivered()}: they can only come from a forged ack
     * subject, on which nats-server 2.9.10 would move the ack floor past what it delivered.
     */
    public boolean ack(long streamSeq, long replyConsumerSeq) {
        if (streamSeq > deliveredStreamSeq) {
            return false;
        }
        return switch (settings.policy()) {
            case NONE -> false;
            case ALL -> ackAll(streamSeq, replyConsumerSeq);
            case EXPLICIT -> ackOne(streamSeq, replyConsumerSeq);
        };
    }

    /** {@link #ack(long, long)} with the consumer sequence of the message's latest delivery (0 when untracked). */
    public boolean ack(long streamSeq) {
        return ack(streamSeq, latestConsumerSeq(streamSeq));
    }

    /**
     * Ack policy all: acknowledges every message up to {@code streamSeq}; the floor becomes ({@code replyConsumerSeq},
     * {@code streamSeq}). No-op when either is at or below the floor, as in nats.
     *
     * @throws IllegalStateException under another ack policy
     */
    public boolean ackAll(long streamSeq, long replyConsumerSeq) {
        if (settings.policy() != AckPolicy.ALL) {
            throw new IllegalStateException("ackAll needs ack policy all, not " + settings.policy());
        }
        if (streamSeq <= floorStreamSeq || replyConsumerSeq <= floorConsumerSeq || streamSeq > deliveredStreamSeq) {
            return false;
        }
        NavigableMap<Long, Tracked> covered = tracked.subMap(floorStreamSeq, false, streamSeq, true);
        boolean any = false;
        for (Iterator<Map.Entry<Long, Tracked>> it = covered.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Tracked> e = it.next();
            any |= e.getValue().pending;
            untrack(e.getKey(), e.getValue());
            it.remove();
        }
        setFloor(replyConsumerSeq, streamSeq);
        return any;
    }

    /**
     * {@link #ackAll(long, long)} with the consumer sequence of the message's latest delivery, or for a message no
     * longer tracked the highest one of a tracked message below it (0 when none, which makes it a no-op).
     */
    public boolean ackAll(long streamSeq) {
        long consumerSeq = latestConsumerSeq(streamSeq);
        if (consumerSeq == 0 && streamSeq > floorStreamSeq) {
            for (Tracked t : tracked.subMap(floorStreamSeq, false, streamSeq, true).values()) {
                consumerSeq = Math.max(consumerSeq, t.lastConsumerSeq);
            }
        }
        return ackAll(streamSeq, consumerSeq);
    }

    /** {@code +TERM}: stop redelivering the message; acknowledged as {@link #ack(long, long)} would. */
    public boolean term(long streamSeq, long replyConsumerSeq) {
        return ack(streamSeq, replyConsumerSeq);
    }

    /** {@code +TERM}: stop redelivering the message; acknowledged as {@link #ack(long)} would. */
    public boolean term(long streamSeq) {
        return ack(streamSeq);
    }

    /**
     * {@code -NAK}: redeliver the pending message now ({@code delayNanos} ≤ 0) or once the delay has passed. A
     * message that has used its {@code max_deliver} is not queued: it becomes due and the next {@link #expire()}
     * drops it and reports it. Returns whether the message was pending.
     */
    public boolean nak(long streamSeq, long delayNanos) {
        Tracked t = tracked.get(streamSeq);
        if (t == null || !t.pending) {
            return false;
        }
        long now = nowNanos();
        if (delayNanos > 0) {
            redeliveries.remove(streamSeq);
            t.deadlineNanos = now + delayNanos;
        } else if (settings.deliveriesExhausted(t.deliveries)) {
            t.deadlineNanos = now;
        } else {
            redeliveries.add(streamSeq);
        }
        return true;
    }

    /**
     * {@code -NAK} with a delay (anything after {@code -NAK}, even {@code {}}): nats-server 2.9.10 backdates the
     * message's delivery time to {@code now - ack_wait + delay} and lets the ack-wait timer redeliver it. Without
     * backoff that is after {@code delay}; with backoff the timer measures the attempt's backoff entry, so the wait
     * is {@code delay + backoff[attempt] - backoff[0]}. Returns whether the message was pending.
     */
    public boolean nakDelayed(long streamSeq, long delayNanos) {
        Tracked t = tracked.get(streamSeq);
        if (t == null || !t.pending) {
            return false;
        }
        redeliveries.remove(streamSeq);
        t.deadlineNanos = nowNanos() - settings.ackWaitNanos() + delayNanos + settings.ackWaitFor(t.deliveries);
        return true;
    }

    /**
     * nats's {@code needAck} for retention: whether this consumer still has to acknowledge the message at
     * {@code streamSeq} (its subject already known to match the filter). Above the ack floor and not yet delivered,
     * or delivered and pending under ack explicit; above the floor under ack all and none.
     */
    public boolean needsAck(long streamSeq) {
        if (streamSeq <= floorStreamSeq) {
            return false;
        }
        if (settings.policy() != AckPolicy.EXPLICIT || streamSeq > deliveredStreamSeq) {
            return true;
        }
        return isPending(streamSeq);
    }

    /**
     * The stream was purged up to {@code firstSeq} (the first sequence that may still hold a message for this
     * consumer), as nats-server 2.9.10's {@code consumer.purge}: delivery resumes there at the earliest, the ack
     * floor moves to just below it, messages below are forgotten (pending or kept for their redelivery count) and
     * the ack floor's consumer sequence becomes the highest consumer sequence among the forgotten pending ones.
     * Returns whether anything changed.
     */
    public boolean purge(long firstSeq) {
        boolean changed = false;
        if (deliveredStreamSeq < firstSeq - 1) {
            deliveredStreamSeq = firstSeq - 1;
            changed = true;
        }
        if (floorStreamSeq < firstSeq) {
            long consumerFloor = floorConsumerSeq;
            NavigableMap<Long, Tracked> below = tracked.headMap(firstSeq, false);
            for (Iterator<Map.Entry<Long, Tracked>> it = below.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Long, Tracked> e = it.next();
                if (e.getValue().pending) {
                    consumerFloor = Math.max(consumerFloor, e.getValue().consumerSeq);
                }
                untrack(e.getKey(), e.getValue());
                it.remove();
            }
            setFloor(consumerFloor, firstSeq - 1);
            changed = true;
        }
        if (changed) {
            headerChanged = true;
        }
        return changed;
    }

    /**
     * The search for a new message found nothing up to the stream's last sequence {@code lastSeq}: as in
     * nats-server 2.9.10's {@code getNextMsg}, where the store answers EOF with the last sequence, delivery resumes
     * after it, so a filtered consumer's delivered stream sequence moves past the messages it does not take.
     */
    public void searchedTo(long lastSeq) {
        if (lastSeq > deliveredStreamSeq) {
            deliveredStreamSeq = lastSeq;
            headerChanged = true;
        }
    }

    /**
     * {@code +WPI}: the client is still working on the message; its ack deadline restarts from now with the wait of
     * its delivery count. A message already queued for redelivery stays queued, as in nats.
     */
    public boolean progress(long streamSeq) {
        Tracked t = tracked.get(streamSeq);
        if (t == null || !t.pending) {
            return false;
        }
        t.deadlineNanos = nowNanos() + settings.ackWaitFor(t.deliveries);
        return true;
    }

    /**
     * Queues every pending message whose ack deadline has passed for redelivery, in stream order; a message that
     * has been delivered {@code max_deliver} times leaves pending instead and is returned, for the advisory.
     */
    public List<MaxDeliveriesExceeded> expire() {
        long now = nowNanos();
        List<MaxDeliveriesExceeded> exceeded = new ArrayList<>();
        for (Map.Entry<Long, Tracked> e : tracked.entrySet()) {
            Tracked t = e.getValue();
            long seq = e.getKey();
            if (!t.pending || redeliveries.contains(seq) || t.deadlineNanos > now) {
                continue;
            }
            if (settings.deliveriesExhausted(t.deliveries)) {
                t.pending = false;
                pendingCount--;
                touched.add(seq);
                exceeded.add(new MaxDeliveriesExceeded(seq, t.deliveries));
            } else {
                redeliveries.add(seq);
            }
        }
        return exceeded;
    }

    /** The earliest ack deadline of a pending message not yet queued, for the owner's timer. */
    public OptionalLong nextDeadlineNanos() {
        long earliest = Long.MAX_VALUE;
        for (Map.Entry<Long, Tracked> e : tracked.entrySet()) {
            Tracked t = e.getValue();
            if (t.pending && !redeliveries.contains(e.getKey())) {
                earliest = Math.min(earliest, t.deadlineNanos);
            }
        }
        return earliest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(earliest);
    }

    /** {@code delivered} of consumer info: the last consumer sequence and the highest stream sequence delivered. */
    public SequencePair delivered() {
        return new SequencePair(deliveredConsumerSeq, deliveredStreamSeq);
    }

    /** {@code ack_floor} of consumer info. */
    public SequencePair ackFloor() {
        return new SequencePair(floorConsumerSeq, floorStreamSeq);
    }

    /** {@code num_ack_pending}: delivered and not yet acknowledged (nor dropped after max deliver). */
    public int numAckPending() {
        return pendingCount;
    }

    /**
     * {@code num_redelivered}: tracked messages delivered more than once, and those dropped after max deliver
     * (nats counts these until they are acknowledged, even below the ack floor).
     */
    public int numRedelivered() {
        int n = 0;
        for (Tracked t : tracked.values()) {
            if (t.deliveries > 1 || !t.pending) {
                n++;
            }
        }
        return n;
    }

    /** Number of messages queued for redelivery now. */
    public int numRedeliveriesDue() {
        return redeliveries.size();
    }

    /** Whether new messages are held back by {@code max_ack_pending}. */
    public boolean maxAckPendingReached() {
        return settings.policy().tracksPending() && settings.maxAckPending() > 0
                && pendingCount >= settings.maxAckPending();
    }

    /** Whether the message is delivered and not yet acknowledged. */
    public boolean isPending(long streamSeq) {
        Tracked t = tracked.get(streamSeq);
        return t != null && t.pending;
    }

    /** The tracked message at {@code streamSeq}, if any. */
    public Optional<TrackedMessage> tracked(long streamSeq) {
        Tracked t = tracked.get(streamSeq);
        return t == null ? Optional.empty() : Optional.of(t.toRecord(streamSeq));
    }

    public AckSettings settings() {
        return settings;
    }

    /** The whole state as it would be stored. */
    public StoredAckState snapshot() {
        List<TrackedMessage> all = new ArrayList<>(tracked.size());
        tracked.forEach((seq, t) -> all.add(t.toRecord(seq)));
        return new StoredAckState(delivered(), ackFloor(), all);
    }

    /** Whether anything changed since the last {@link #drainChanges()}. */
    public boolean hasChanges() {
        return headerChanged || !touched.isEmpty() || !removed.isEmpty();
    }

    /** The changes since the last call, for one atomic write; resets the record of changes. */
    public AckStateChanges drainChanges() {
        List<TrackedMessage> upserts = new ArrayList<>(touched.size());
        for (long seq : touched) {
            upserts.add(tracked.get(seq).toRecord(seq));
        }
        AckStateChanges changes = new AckStateChanges(delivered(), ackFloor(), upserts, new ArrayList<>(removed));
        touched.clear();
        removed.clear();
        headerChanged = false;
        return changes;
    }

    /** nats's {@code processAckMsg} for ack policy explicit. */
    private boolean ackOne(long streamSeq, long replyConsumerSeq) {
        Tracked t = tracked.get(streamSeq);
        boolean wasPending = t != null && t.pending;
        long consumerSeq = wasPending ? t.consumerSeq : replyConsumerSeq;
        if (t != null) {
            tracked.remove(streamSeq);
            untrack(streamSeq, t);
        }
        if (pendingCount == 0) {
            setFloor(deliveredConsumerSeq, deliveredStreamSeq);
        } else if (consumerSeq == floorConsumerSeq + 1) {
            long consumerFloor = consumerSeq;
            long streamFloor = streamSeq;
            for (Map.Entry<Long, Tracked> e : tracked.tailMap(streamSeq, false).entrySet()) {
                if (e.getValue().pending) {
                    consumerFloor = e.getValue().consumerSeq - 1;
                    streamFloor = e.getKey() - 1;
                    break;
                }
            }
            setFloor(consumerFloor, streamFloor);
        }
        return wasPending;
    }

    private long latestConsumerSeq(long streamSeq) {
        Tracked t = tracked.get(streamSeq);
        return t == null ? 0 : t.lastConsumerSeq;
    }

    /** Forgets a message already removed from {@link #tracked} (or about to be, by an iterator). */
    private void untrack(long streamSeq, Tracked t) {
        if (t.pending) {
            pendingCount--;
        }
        redeliveries.remove(streamSeq);
        touched.remove(streamSeq);
        removed.add(streamSeq);
    }

    /**
     * Moves the floor. Messages kept only for their redelivery count stay when the floor passes them: nats-server
     * 2.9.10 keeps counting them in num_redelivered until they are acknowledged themselves.
     */
    private void setFloor(long consumerSeq, long streamSeq) {
        floorConsumerSeq = consumerSeq;
        floorStreamSeq = streamSeq;
        headerChanged = true;
    }

    private void touch(long streamSeq) {
        touched.add(streamSeq);
        removed.remove(streamSeq);
    }

    private long nowNanos() {
        Instant now = clock.instant();
        return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
    }

    /** Mutable per-message record; {@code deadlineNanos} is not persisted (restore makes pending messages due). */
    private static final class Tracked {
        final long consumerSeq;
        long lastConsumerSeq;
        int deliveries;
        long deliveredNanos;
        long deadlineNanos;
        boolean pending;

        Tracked(long consumerSeq, long lastConsumerSeq, int deliveries, long deliveredNanos, boolean pending) {
            this.consumerSeq = consumerSeq;
            this.lastConsumerSeq = lastConsumerSeq;
            this.deliveries = deliveries;
            this.deliveredNanos = deliveredNanos;
            this.pending = pending;
        }

        TrackedMessage toRecord(long streamSeq) {
            return new TrackedMessage(streamSeq, consumerSeq, lastConsumerSeq, deliveries, deliveredNanos, pending);
        }
    }
}
