package io.hermod.consumers.ack;

import io.hermod.consumers.ManualClock;
import io.hermod.consumers.config.AckPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of {@link AckState} that retention, purges and delayed naks rely on. */
class AckStateRetentionTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final AckSettings EXPLICIT = new AckSettings(AckPolicy.EXPLICIT, 30 * SECOND, List.of(), -1, 1000);

    private final ManualClock clock = new ManualClock();

    private AckState delivered(AckSettings settings, long... seqs) {
        AckState state = AckState.start(settings, 1, clock);
        for (long seq : seqs) {
            state.onDelivered(seq);
        }
        return state;
    }

    private long now() {
        return clock.instant().getEpochSecond() * 1_000_000_000L + clock.instant().getNano();
    }

    @Test
    void explicitConsumerNeedsWhatItHasNotSeenAndWhatIsStillPending() {
        AckState state = delivered(EXPLICIT, 1, 2, 3);
        state.ack(2);
        assertTrue(state.needsAck(1));
        assertFalse(state.needsAck(2), "acknowledged");
        assertTrue(state.needsAck(3));
        assertTrue(state.needsAck(9), "not delivered yet");
        state.ack(1);
        assertFalse(state.needsAck(1), "below the ack floor");
    }

    @Test
    void ackAllAndAckNoneConsumersNeedEverythingAboveTheirFloor() {
        AckState none = delivered(new AckSettings(AckPolicy.NONE, 30 * SECOND, List.of(), -1, 0), 1, 2);
        assertFalse(none.needsAck(2));
        assertTrue(none.needsAck(3));
        AckState all = delivered(new AckSettings(AckPolicy.ALL, 30 * SECOND, List.of(), -1, 0), 1, 2, 3);
        all.ack(2);
        assertFalse(all.needsAck(2));
        assertTrue(all.needsAck(3));
    }

    @Test
    void purgeMovesDeliveredAndFloorAndDropsPendingMessagesBelowTheNewFirstSequence() {
        AckState state = delivered(EXPLICIT, 1, 2, 3, 4);
        state.nak(2, 0);
        assertTrue(state.purge(4));
        assertEquals(new SequencePair(4, 4), state.delivered());
        assertEquals(new SequencePair(3, 3), state.ackFloor(), "floor's consumer seq: the highest dropped pending one");
        assertEquals(1, state.numAckPending());
        assertEquals(0, state.numRedeliveriesDue(), "a purged message is not redelivered");
        assertTrue(state.purge(10));
        assertEquals(new SequencePair(4, 9), state.delivered());
        assertEquals(new SequencePair(4, 9), state.ackFloor());
        assertFalse(state.purge(5), "never backwards");
    }

    @Test
    void searchForNewMessagesMovesDeliveredToTheEndOfTheStream() {
        AckState state = delivered(EXPLICIT, 2);
        state.drainChanges();
        state.searchedTo(7);
        assertEquals(new SequencePair(1, 7), state.delivered());
        assertTrue(state.hasChanges());
        state.searchedTo(5);
        assertEquals(new SequencePair(1, 7), state.delivered());
    }

    @Test
    void delayedNakWithoutBackoffRedeliversAfterTheDelay() {
        AckState state = delivered(EXPLICIT, 1);
        assertTrue(state.nakDelayed(1, 2 * SECOND));
        assertEquals(OptionalLong.of(now() + 2 * SECOND), state.nextDeadlineNanos());
        clock.advance(Duration.ofSeconds(2));
        state.expire();
        assertEquals(1, state.numRedeliveriesDue());
    }

    @Test
    void delayedNakWithBackoffWaitsTheDelayPlusTheAttemptsBackoffBeyondTheFirst() {
        // nats-server 2.9.10 backdates by ack_wait (= backoff[0]) but measures the attempt's backoff: 2 7 12 12.
        AckSettings backoff = new AckSettings(AckPolicy.EXPLICIT, 5 * SECOND,
                List.of(5 * SECOND, 10 * SECOND, 15 * SECOND), -1, 1000);
        AckState state = delivered(backoff, 1);
        long[] expected = {2, 7, 12, 12};
        for (int attempt = 0; attempt < expected.length; attempt++) {
            assertTrue(state.nakDelayed(1, 2 * SECOND));
            assertEquals(OptionalLong.of(now() + expected[attempt] * SECOND), state.nextDeadlineNanos(),
                    "attempt " + (attempt + 1));
            clock.advance(Duration.ofSeconds(expected[attempt]));
            state.expire();
            state.onDelivered(1);
        }
    }

    @Test
    void plainNakRedeliversAtOnceWhateverTheBackoff() {
        AckSettings backoff = new AckSettings(AckPolicy.EXPLICIT, 5 * SECOND, List.of(5 * SECOND, 10 * SECOND), -1,
                1000);
        AckState state = delivered(backoff, 1);
        assertTrue(state.nak(1, 0));
        assertEquals(1, state.numRedeliveriesDue());
    }
}
