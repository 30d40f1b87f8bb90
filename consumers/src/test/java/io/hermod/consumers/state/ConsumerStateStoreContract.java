package io.hermod.consumers.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hermod.consumers.ManualClock;
import io.hermod.consumers.ack.AckSettings;
import io.hermod.consumers.ack.AckState;
import io.hermod.consumers.ack.Delivery;
import io.hermod.consumers.ack.StoredAckState;
import io.hermod.consumers.config.AckPolicy;
import io.hermod.consumers.config.ConsumerConfig;
import io.hermod.consumers.config.DeliverPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link ConsumerStateStore} does; subclasses supply the store and say how it is reopened. */
abstract class ConsumerStateStoreContract {
    static final AckSettings SETTINGS = new AckSettings(AckPolicy.EXPLICIT, 1_000_000_000L, List.of(), -1, 1000);
    static final ConsumerId ORDERS = new ConsumerId("ORDERS", "worker");

    final ManualClock clock = new ManualClock();

    abstract ConsumerStateStore store();

    /** The store as a restarted process would see it (the same one for the in-memory store). */
    abstract ConsumerStateStore reopen();

    @Test
    void nothingStoredForAnUnknownConsumer() {
        assertEquals(Optional.empty(), store().loadState(ORDERS));
        assertEquals(Optional.empty(), store().loadConfig(ORDERS));
    }

    @Test
    void writtenChangesAddUpToTheState() {
        AckState state = AckState.start(SETTINGS, 1, clock);
        for (int i = 1; i <= 5; i++) {
            state.onDelivered(i);
        }
        store().write(ORDERS, state.drainChanges());
        state.ack(1);
        state.ack(4);
        clock.advance(Duration.ofSeconds(1));
        state.expire();
        state.onDelivered(2);
        store().write(ORDERS, state.drainChanges());
        assertEquals(Optional.of(state.snapshot()), reopen().loadState(ORDERS));
    }

    @Test
    void restartRestoresExactlyAndRedeliversWithTheCount() {
        AckState state = AckState.start(SETTINGS, 3, clock);
        for (int i = 3; i <= 6; i++) {
            state.onDelivered(i);
        }
        state.ack(4);
        clock.advance(Duration.ofSeconds(1));
        state.expire();
        state.onDelivered(3);
        store().write(ORDERS, state.drainChanges());

        StoredAckState stored = reopen().loadState(ORDERS).orElseThrow();
        AckState restored = AckState.restore(SETTINGS, stored, clock);
        assertEquals(state.delivered(), restored.delivered());
        assertEquals(state.ackFloor(), restored.ackFloor());
        assertEquals(state.numAckPending(), restored.numAckPending());
        assertEquals(state.numRedelivered(), restored.numRedelivered());
        assertEquals(Optional.of(new Delivery(3, 3)), restored.nextDelivery(s -> 0));
        restored.onDelivered(3);
        assertEquals(Optional.of(new Delivery(5, 2)), restored.nextDelivery(s -> 0));
    }

    @Test
    void consumersDoNotSeeEachOthersState() {
        ConsumerId other = new ConsumerId("ORDERS", "work");
        ConsumerId otherStream = new ConsumerId("ORDERSX", "worker");
        AckState a = AckState.start(SETTINGS, 1, clock);
        a.onDelivered(1);
        AckState b = AckState.start(SETTINGS, 1, clock);
        b.onDelivered(7);
        store().write(ORDERS, a.drainChanges());
        store().write(other, b.drainChanges());
        store().write(otherStream, AckState.start(SETTINGS, 1, clock).drainChanges());
        assertEquals(a.snapshot(), reopen().loadState(ORDERS).orElseThrow());
        assertEquals(b.snapshot(), reopen().loadState(other).orElseThrow());
        assertTrue(reopen().loadState(otherStream).orElseThrow().tracked().isEmpty());
    }

    @Test
    void configsAreSavedListedAndDeletedWithTheirState() {
        ConsumerConfig config = ConsumerConfig.builder().durableName("worker").ackPolicy(AckPolicy.EXPLICIT)
                .deliverPolicy(DeliverPolicy.BY_START_SEQUENCE).optStartSeq(3).ackWaitNanos(5_000_000_000L)
                .maxDeliver(-1).maxAckPending(1000).maxWaiting(512).backoffNanos(List.of(1L, 2L))
                .metadata(Map.of("team", "a<b")).build();
        Instant created = Instant.parse("2026-02-03T04:05:06.123456789Z");
        ConsumerRecord record = new ConsumerRecord(ORDERS, config, created);
        store().saveConfig(record);
        store().saveConfig(new ConsumerRecord(new ConsumerId("ORDERS", "another"), config, created));
        store().saveConfig(new ConsumerRecord(new ConsumerId("OTHER", "x"), config, created));
        AckState state = AckState.start(SETTINGS, 1, clock);
        state.onDelivered(1);
        store().write(ORDERS, state.drainChanges());

        assertEquals(Optional.of(record), reopen().loadConfig(ORDERS));
        assertEquals(List.of("another", "worker"),
                reopen().consumers("ORDERS").stream().map(c -> c.id().name()).toList());
        reopen().delete(ORDERS);
        assertEquals(Optional.empty(), reopen().loadConfig(ORDERS));
        assertEquals(Optional.empty(), reopen().loadState(ORDERS));
        assertEquals(1, reopen().consumers("ORDERS").size());
    }
}
