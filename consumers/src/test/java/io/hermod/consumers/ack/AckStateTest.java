package io.hermod.consumers.ack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hermod.consumers.ManualClock;
import io.hermod.consumers.config.AckPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class AckStateTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final AckSettings EXPLICIT = new AckSettings(AckPolicy.EXPLICIT, 30 * SECOND, List.of(), -1, 1000);

    private final ManualClock clock = new ManualClock();

    /** A stream holding 1..last, every message matching. */
    private static LongUnaryOperator upTo(long last) {
        return from -> from <= last ? from : 0;
    }

    private AckState state(AckSettings settings) {
        return AckState.start(settings, 1, clock);
    }

    private static long deliverNext(AckState state, LongUnaryOperator stream) {
        Delivery next = state.nextDelivery(stream).orElseThrow();
        return state.onDelivered(next.streamSeq()).consumerSeq();
    }

    private static void deliver(AckState state, int count) {
        for (int i = 0; i < count; i++) {
            deliverNext(state, upTo(1_000_000));
        }
    }

    @Test
    void newConsumerStartsBeforeItsStartSequence() {
        AckState state = AckState.start(EXPLICIT, 10, clock);
        assertEquals(new SequencePair(0, 9), state.delivered());
        assertEquals(SequencePair.ZERO, state.ackFloor(), "nats-server 2.9.10 reports a new consumer's floor as 0/0");
        assertEquals(Optional.of(new Delivery(10, 1)), state.nextDelivery(upTo(20)));
        assertEquals(Optional.empty(), state.nextDelivery(upTo(9)));
    }

    @Test
    void deliveriesGetConsecutiveConsumerSequencesAndArePending() {
        AckState state = state(EXPLICIT);
        deliver(state, 3);
        assertEquals(new SequencePair(3, 3), state.delivered());
        assertEquals(3, state.numAckPending());
        assertTrue(state.isPending(2));
        Delivered d = state.onDelivered(4);
        assertEquals(new Delivered(4, 4, 1, d.deliveredNanos()), d);
        assertFalse(d.redelivered());
    }

    @Test
    void explicitAckMovesTheFloorOnlyFromItsBottom() {
        AckState state = state(EXPLICIT);
        deliver(state, 3);
        assertTrue(state.ack(2));
        assertEquals(SequencePair.ZERO, state.ackFloor());
        assertEquals(2, state.numAckPending());
        assertTrue(state.ack(1));
        assertEquals(new SequencePair(2, 2), state.ackFloor());
        assertFalse(state.ack(2), "already acknowledged");
        assertTrue(state.ack(3));
        assertEquals(new SequencePair(3, 3), state.ackFloor());
        assertEquals(0, state.numAckPending());
    }

    @Test
    void floorSkipsFilteredGapsUpToTheNextPendingMessage() {
        AckState state = state(EXPLICIT);
        long[] matching = {2, 5, 9};
        LongUnaryOperator filtered = from -> {
            for (long seq : matching) {
                if (seq >= from) {
                    return seq;
                }
            }
            return 0;
        };
        for (int i = 0; i < 3; i++) {
            deliverNext(state, filtered);
        }
        assertEquals(new SequencePair(3, 9), state.delivered());
        state.ack(2);
        assertEquals(new SequencePair(1, 4), state.ackFloor());
        state.ack(9);
        assertEquals(new SequencePair(1, 4), state.ackFloor());
        state.ack(5);
        assertEquals(new SequencePair(3, 9), state.ackFloor());
    }

    @Test
    void unacknowledgedMessageIsRedeliveredAfterAckWait() {
        AckState state = state(EXPLICIT);
        deliver(state, 2);
        clock.advance(Duration.ofSeconds(30).minusNanos(1));
        assertEquals(List.of(), state.expire());
        assertEquals(Optional.of(new Delivery(3, 1)), state.nextDelivery(upTo(3)));
        clock.advance(Duration.ofNanos(1));
        assertEquals(List.of(), state.expire());
        assertEquals(2, state.numRedeliveriesDue());
        Delivery again = state.nextDelivery(upTo(3)).orElseThrow();
        assertEquals(new Delivery(1, 2), again);
        assertTrue(again.redelivered());
        Delivered d = state.onDelivered(1);
        assertEquals(3, d.consumerSeq());
        assertEquals(2, d.deliveryCount());
        assertEquals(new SequencePair(3, 2), state.delivered(), "stream delivered stays at the highest");
        assertEquals(1, state.numRedelivered());
        assertEquals(new Delivery(2, 2), state.nextDelivery(upTo(3)).orElseThrow());
    }

    @Test
    void explicitFloorFollowsTheFirstConsumerSequenceOfARedeliveredMessage() {
        AckState state = state(EXPLICIT);
        deliver(state, 2);
        clock.advance(Duration.ofSeconds(30));
        state.expire();
        state.onDelivered(1); // consumer seq 3; nats keeps 1 as its pending sequence
        assertEquals(1, state.tracked(1).orElseThrow().consumerSeq());
        assertEquals(3, state.tracked(1).orElseThrow().lastConsumerSeq());
        state.ack(1);
        assertEquals(new SequencePair(1, 1), state.ackFloor());
        assertEquals(0, state.numRedelivered());
        state.ack(2);
        assertEquals(new SequencePair(3, 2), state.ackFloor());
    }

    @Test
    void onDeliveredRefusesWhatIsNeitherNewNorDue() {
        AckState state = state(EXPLICIT);
        deliver(state, 2);
        assertThrows(IllegalArgumentException.class, () -> state.onDelivered(1));
        assertThrows(IllegalArgumentException.class, () -> state.onDelivered(2));
    }

    @Test
    void deliveriesIfDeliveredForetellsOnDeliveredWithoutRecording() {
        AckState state = state(EXPLICIT);
        deliver(state, 2);
        assertTrue(state.nak(1, 0));
        assertEquals(2, state.deliveriesIfDelivered(1));
        assertEquals(1, state.deliveriesIfDelivered(3));
        assertEquals(new SequencePair(2, 2), state.delivered(), "nothing recorded");
        assertEquals(2, state.onDelivered(1).deliveryCount());
        assertEquals(1, state.onDelivered(3).deliveryCount());
        assertThrows(IllegalArgumentException.class, () -> state.deliveriesIfDelivered(2));
    }

    @Test
    void nakWithoutDelayQueuesAtOnce() {
        AckState state = state(EXPLICIT);
        deliver(state, 2);
        assertTrue(state.nak(2, 0));
        assertEquals(new Delivery(2, 2), state.nextDelivery(upTo(5)).orElseThrow());
        assertFalse(state.nak(7, 0), "not pending");
    }

    @Test
    void nakWithDelayWaitsForTheDelay() {
        AckState state = state(EXPLICIT);
        deliver(state, 1);
        assertTrue(state.nak(1, 5 * SECOND));
        state.expire();
        assertEquals(new Delivery(2, 1), state.nextDelivery(upTo(5)).orElseThrow());
        assertEquals(clock.instant().getEpochSecond() * SECOND + 5 * SECOND, state.nextDeadlineNanos().orElseThrow());
        clock.advance(Duration.ofSeconds(5));
        state.expire();
        assertEquals(new Delivery(1, 2), state.nextDelivery(upTo(5)).orElseThrow());
    }

    @Test
    void nakWithDelayTakesAQueuedMessageOffTheQueue() {
        AckState state = state(EXPLICIT);
        deliver(state, 1);
        state.nak(1, 0);
        state.nak(1, 10 * SECOND);
        assertEquals(0, state.numRedeliveriesDue());
    }

    @Test
    void termStopsRedeliveryLikeAnAck() {
        AckState state = state(EXPLICIT);
        deliver(state, 2);
        assertTrue(state.term(1));
        clock.advance(Duration.ofMinutes(1));
        state.expire();
        assertEquals(new Delivery(2, 2), state.nextDelivery(upTo(2)).orElseThrow());
        assertEquals(new SequencePair(1, 1), state.ackFloor());
        assertFalse(state.isPending(1));
    }

    @Test
    void progressRestartsTheAckDeadline() {
        AckState state = state(EXPLICIT);
        deliver(state, 1);
        clock.advance(Duration.ofSeconds(20));
        assertTrue(state.progress(1));
        clock.advance(Duration.ofSeconds(20));
        state.expire();
        assertEquals(0, state.numRedeliveriesDue());
        clock.advance(Duration.ofSeconds(10));
        state.expire();
        assertEquals(1, state.numRedeliveriesDue());
        assertFalse(state.progress(2));
    }

    @Test
    void backoffSetsTheAckWaitOfEachDelivery() {
        AckSettings settings = new AckSettings(AckPolicy.EXPLICIT, SECOND, List.of(SECOND, 5 * SECOND, 10 * SECOND),
                10, 1000);
        AckState state = state(settings);
        long start = clock.instant().getEpochSecond() * SECOND;
        deliver(state, 1);
        assertEquals(start + SECOND, state.nextDeadlineNanos().orElseThrow());
        long[] waits = {5, 10, 10, 10};
        long now = start;
        for (int i = 0; i < waits.length; i++) {
            long previousWait = i == 0 ? 1 : waits[i - 1];
            clock.advance(Duration.ofSeconds(previousWait).minusNanos(1));
            state.expire();
            assertEquals(0, state.numRedeliveriesDue(), "delivery " + (i + 1) + " not yet due");
            clock.advance(Duration.ofNanos(1));
            state.expire();
            now += previousWait * SECOND;
            Delivered d = state.onDelivered(state.nextDelivery(upTo(1)).orElseThrow().streamSeq());
            assertEquals(i + 2, d.deliveryCount());
            assertEquals(now + waits[i] * SECOND, state.nextDeadlineNanos().orElseThrow());
        }
    }

    @Test
    void maxDeliverDropsTheMessageAndReportsIt() {
        AckState state = state(new AckSettings(AckPolicy.EXPLICIT, SECOND, List.of(), 2, 1000));
        deliver(state, 2);
        state.ack(2);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), state.expire());
        state.onDelivered(1);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(new MaxDeliveriesExceeded(1, 2)), state.expire());
        assertFalse(state.isPending(1));
        assertEquals(0, state.numAckPending());
        assertEquals(1, state.numRedelivered());
        assertEquals(SequencePair.ZERO, state.ackFloor(), "dropping does not move the floor");
        assertEquals(Optional.of(new Delivery(3, 1)), state.nextDelivery(upTo(3)));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(List.of(), state.expire(), "reported once");
        assertFalse(state.nak(1, 0));
        state.onDelivered(3);
        state.ack(3);
        assertEquals(new SequencePair(4, 3), state.ackFloor(), "nothing pending: floor is delivered");
        assertEquals(1, state.numRedelivered(), "nats counts the dropped message until it is acknowledged");
        assertFalse(state.ack(1), "no longer pending");
        assertEquals(0, state.numRedelivered());
    }

    @Test
    void nakAtMaxDeliverIsReportedByTheNextExpire() {
        AckState state = state(new AckSettings(AckPolicy.EXPLICIT, 30 * SECOND, List.of(), 1, 1000));
        deliver(state, 1);
        assertTrue(state.nak(1, 0));
        assertEquals(Optional.of(new Delivery(2, 1)), state.nextDelivery(upTo(2)));
        assertEquals(List.of(new MaxDeliveriesExceeded(1, 1)), state.expire());
    }

    @Test
    void maxAckPendingHoldsBackNewMessagesButNotRedeliveries() {
        AckState state = state(new AckSettings(AckPolicy.EXPLICIT, SECOND, List.of(), -1, 2));
        deliver(state, 2);
        assertTrue(state.maxAckPendingReached());
        assertEquals(Optional.empty(), state.nextDelivery(upTo(10)));
        clock.advance(Duration.ofSeconds(1));
        state.expire();
        assertEquals(Optional.of(new Delivery(1, 2)), state.nextDelivery(upTo(10)));
        state.onDelivered(1);
        state.ack(1);
        assertFalse(state.maxAckPendingReached());
        assertEquals(Optional.of(new Delivery(2, 2)), state.nextDelivery(upTo(10)));
    }

    @Test
    void ackAllAcknowledgesEverythingUpToTheSequence() {
        AckState state = state(new AckSettings(AckPolicy.ALL, 30 * SECOND, List.of(), -1, 1000));
        deliver(state, 5);
        assertTrue(state.ack(3));
        assertEquals(new SequencePair(3, 3), state.ackFloor());
        assertEquals(2, state.numAckPending());
        assertFalse(state.ack(2), "below the floor");
        assertFalse(state.ackAll(3));
        assertTrue(state.ackAll(5));
        assertEquals(new SequencePair(5, 5), state.ackFloor());
        assertEquals(0, state.numAckPending());
        assertFalse(state.ackAll(6), "not delivered");
    }

    @Test
    void ackAllTakesTheConsumerSequenceOfTheLatestDelivery() {
        AckState state = state(new AckSettings(AckPolicy.ALL, SECOND, List.of(), -1, 1000));
        deliver(state, 2);
        clock.advance(Duration.ofSeconds(1));
        state.expire();
        state.onDelivered(1); // consumer seq 3
        assertTrue(state.ack(2));
        assertEquals(new SequencePair(2, 2), state.ackFloor());
        assertEquals(0, state.numAckPending());
        assertEquals(0, state.numRedeliveriesDue());
    }

    @Test
    void ackAllNeedsAckPolicyAll() {
        AckState state = state(EXPLICIT);
        assertThrows(IllegalStateException.class, () -> state.ackAll(1));
    }

    @Test
    void ackPolicyNoneTracksNothing() {
        AckState state = state(new AckSettings(AckPolicy.NONE, 0, List.of(), -1, 0));
        deliver(state, 3);
        assertEquals(new SequencePair(3, 3), state.ackFloor());
        assertEquals(0, state.numAckPending());
        assertFalse(state.ack(2));
        assertFalse(state.maxAckPendingReached());
    }

    @Test
    void restoreMakesPendingMessagesDueWithTheirCounts() {
        AckState state = state(EXPLICIT);
        deliver(state, 4);
        state.ack(1);
        state.ack(3);
        clock.advance(Duration.ofSeconds(30));
        state.expire();
        state.onDelivered(2);
        StoredAckState stored = state.snapshot();

        AckState restored = AckState.restore(EXPLICIT, stored, clock);
        assertEquals(state.delivered(), restored.delivered());
        assertEquals(state.ackFloor(), restored.ackFloor());
        assertEquals(2, restored.numAckPending());
        assertEquals(1, restored.numRedelivered());
        assertEquals(stored, restored.snapshot());
        assertEquals(new Delivery(2, 3), restored.nextDelivery(upTo(10)).orElseThrow());
        restored.onDelivered(2);
        assertEquals(new Delivery(4, 2), restored.nextDelivery(upTo(10)).orElseThrow());
        Delivered d = restored.onDelivered(4);
        assertTrue(d.redelivered());
        assertEquals(new Delivery(5, 1), restored.nextDelivery(upTo(10)).orElseThrow());
    }

    @Test
    void restoredMessageAtMaxDeliverIsReportedNotRedelivered() {
        AckSettings settings = new AckSettings(AckPolicy.EXPLICIT, SECOND, List.of(), 2, 1000);
        AckState state = state(settings);
        deliver(state, 2);
        clock.advance(Duration.ofSeconds(1));
        state.expire();
        state.onDelivered(1);
        AckState restored = AckState.restore(settings, state.snapshot(), clock);
        assertEquals(new Delivery(2, 2), restored.nextDelivery(upTo(2)).orElseThrow());
        assertEquals(List.of(new MaxDeliveriesExceeded(1, 2)), restored.expire());
        assertEquals(1, restored.numAckPending());
    }

    @Test
    void changesNameWhatWasWrittenAndWhatWasRemoved() {
        AckState state = state(EXPLICIT);
        assertTrue(state.hasChanges());
        state.drainChanges();
        assertFalse(state.hasChanges());
        deliver(state, 2);
        state.ack(1);
        AckStateChanges changes = state.drainChanges();
        assertEquals(new SequencePair(2, 2), changes.delivered());
        assertEquals(new SequencePair(1, 1), changes.ackFloor());
        assertEquals(List.of(2L), changes.upserts().stream().map(TrackedMessage::streamSeq).toList());
        assertEquals(List.of(1L), changes.removals());
        state.nak(2, 0);
        assertFalse(state.hasChanges(), "a nak changes nothing that is stored");
    }
}
