package io.hermod.consumers.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hermod.consumers.ack.AckState;
import io.hermod.store.kv.RocksKeyValueStorage;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a real RocksDB in a temporary directory, reopened (closed and opened again) on demand. */
class RocksConsumerStateStoreTest extends ConsumerStateStoreContract {
    @TempDir
    Path dir;

    private RocksKeyValueStorage kv;
    private RocksConsumerStateStore store;

    @Override
    ConsumerStateStore store() {
        if (store == null) {
            kv = RocksKeyValueStorage.open(dir);
            store = new RocksConsumerStateStore(kv);
        }
        return store;
    }

    @Override
    ConsumerStateStore reopen() {
        if (kv != null) {
            kv.close();
        }
        kv = RocksKeyValueStorage.open(dir);
        store = new RocksConsumerStateStore(kv);
        return store;
    }

    /** What another reader of the same RocksDB sees: nothing a group still holds. */
    private Optional<io.hermod.consumers.ack.StoredAckState> seenByAnotherReader() {
        return new RocksConsumerStateStore(kv).loadState(ORDERS);
    }

    @Test
    void aGroupsWritesReachRocksDbTogetherWhenItIsFlushedWithTheLastHeader() {
        ConsumerStateStore store = store();
        AckState state = AckState.start(SETTINGS, 1, clock);
        store.beginGroup();
        for (int i = 1; i <= 4; i++) {
            state.onDelivered(i);
            store.write(ORDERS, state.drainChanges());
        }
        state.ack(1);
        state.ack(2);
        store.write(ORDERS, state.drainChanges());
        CompletableFuture<Void> written = store.written();
        assertFalse(written.isDone());
        assertEquals(Optional.empty(), seenByAnotherReader());

        store.flushGroup();
        assertTrue(written.isDone());
        assertEquals(Optional.of(state.snapshot()), seenByAnotherReader());
        assertTrue(store.written().isDone(), "nothing held after the flush");

        state.ack(3);
        store.write(ORDERS, state.drainChanges());
        store.endGroup();
        assertEquals(Optional.of(state.snapshot()), reopen().loadState(ORDERS));
    }

    @Test
    void deletingAConsumerInAGroupIsNotUndoneByTheWritesItHeld() {
        ConsumerStateStore store = store();
        AckState state = AckState.start(SETTINGS, 1, clock);
        store.beginGroup();
        state.onDelivered(1);
        store.write(ORDERS, state.drainChanges());
        store.delete(ORDERS);
        store.endGroup();
        assertEquals(Optional.empty(), reopen().loadState(ORDERS));
    }

    @Test
    void nestedGroupsAreWrittenWhenTheOutermostEnds() {
        ConsumerStateStore store = store();
        AckState state = AckState.start(SETTINGS, 1, clock);
        store.beginGroup();
        store.beginGroup();
        state.onDelivered(1);
        store.write(ORDERS, state.drainChanges());
        store.endGroup();
        assertEquals(Optional.empty(), seenByAnotherReader());
        store.endGroup();
        assertEquals(Optional.of(state.snapshot()), seenByAnotherReader());
    }

    @Test
    void anotherThreadsWritesGoStraightThroughWhileAGroupIsOpen() throws Exception {
        ConsumerStateStore store = store();
        store.beginGroup();
        AckState state = AckState.start(SETTINGS, 1, clock);
        state.onDelivered(1);
        io.hermod.consumers.ack.AckStateChanges changes = state.drainChanges();
        CompletableFuture.runAsync(() -> store.write(ORDERS, changes)).get(30, TimeUnit.SECONDS);
        assertEquals(Optional.of(state.snapshot()), seenByAnotherReader());
        store.endGroup();
    }

    @Test
    void rangeDeletesOfAGroupTakeExactlyTheRemovedRunsNotTheMessageBetween() {
        store();
        RocksConsumerStateStore ranged = new RocksConsumerStateStore(kv, false, 2);
        AckState state = AckState.start(SETTINGS, 1, clock);
        for (int i = 1; i <= 20; i++) {
            state.onDelivered(i);
        }
        ranged.write(ORDERS, state.drainChanges());
        ranged.beginGroup();
        for (int i = 1; i <= 20; i++) {
            if (i != 11) {
                state.ack(i);
                ranged.write(ORDERS, state.drainChanges());
            }
        }
        ranged.endGroup();
        Optional<io.hermod.consumers.ack.StoredAckState> read = reopen().loadState(ORDERS);
        assertEquals(Optional.of(state.snapshot()), read);
        assertEquals(1, read.orElseThrow().tracked().size(), "only message 11 is still pending");
    }

    @AfterEach
    void close() {
        if (kv != null) {
            kv.close();
        }
    }
}
