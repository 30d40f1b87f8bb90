package io.hermod.consumers.state;

import io.hermod.consumers.ack.AckStateChanges;
import io.hermod.consumers.ack.SequencePair;
import io.hermod.consumers.ack.TrackedMessage;
import io.hermod.consumers.config.AckPolicy;
import io.hermod.consumers.config.ConsumerConfig;
import io.hermod.store.file.StoreInconsistency;
import io.hermod.store.kv.ColumnFamily;
import io.hermod.store.kv.RocksKeyValueStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Offline checks of stored consumer state against the sequences of their streams, on a real RocksDB. */
class ConsumerStateInspectorTest {
    private static final ConsumerId WORKER = new ConsumerId("ORDERS", "worker");
    private static final Map<String, ConsumerStateInspector.StreamRange> ORDERS_1_TO_20 =
            Map.of("ORDERS", new ConsumerStateInspector.StreamRange(true, 1, 20));

    @TempDir
    Path dir;

    private RocksKeyValueStorage kv;
    private RocksConsumerStateStore store;

    @BeforeEach
    void open() {
        kv = RocksKeyValueStorage.open(dir);
        store = new RocksConsumerStateStore(kv);
    }

    @AfterEach
    void close() {
        kv.close();
    }

    private void save(ConsumerId id) {
        ConsumerConfig config = ConsumerConfig.builder().durableName(id.name()).ackPolicy(AckPolicy.EXPLICIT).build();
        store.saveConfig(new ConsumerRecord(id, config, Instant.parse("2026-01-01T00:00:00Z")));
    }

    private static TrackedMessage pending(long streamSeq, long consumerSeq) {
        return new TrackedMessage(streamSeq, consumerSeq, consumerSeq, 1, 1, true);
    }

    private ConsumerStateInspector.Result inspect(Map<String, ConsumerStateInspector.StreamRange> streams) {
        return ConsumerStateInspector.inspect(kv, name -> Optional.ofNullable(streams.get(name)));
    }

    private static String lines(ConsumerStateInspector.Result result) {
        return String.join("\n", result.inconsistencies().stream().map(StoreInconsistency::describe).toList());
    }

    @Test
    void stateWithinTheStreamIsConsistentAndSummarised() {
        save(WORKER);
        store.write(WORKER, new AckStateChanges(new SequencePair(12, 15), new SequencePair(10, 12),
                List.of(pending(14, 11), pending(15, 12)), List.of()));
        ConsumerStateInspector.Result result = inspect(ORDERS_1_TO_20);
        assertEquals(List.of(), result.inconsistencies(), lines(result));
        assertEquals(List.of(new ConsumerStateInspector.ConsumerSummary("ORDERS", "worker", new SequencePair(12, 15),
                new SequencePair(10, 12), 2, 0)), result.consumers());
    }

    @Test
    void deliveredAndPendingPastTheStreamsLastSequenceAreReported() {
        save(WORKER);
        store.write(WORKER, new AckStateChanges(new SequencePair(30, 25), new SequencePair(20, 18),
                List.of(pending(24, 29)), List.of()));
        ConsumerStateInspector.Result result = inspect(ORDERS_1_TO_20);
        String found = lines(result);
        assertTrue(found.contains("ORDERS > worker: delivered stream sequence: expected at most 20 (the stream's last"
                + " sequence), found 25"), found);
        assertTrue(found.contains("ORDERS > worker: pending message seq 24: expected at most 20 (the stream's last"
                + " sequence), found 24"), found);
        assertTrue(result.inconsistencies().stream().noneMatch(StoreInconsistency::repairable));
    }

    @Test
    void ackFloorPastDeliveredAndPendingBelowTheFloorAreReported() {
        save(WORKER);
        store.write(WORKER, new AckStateChanges(new SequencePair(5, 5), new SequencePair(6, 8),
                List.of(pending(3, 3)), List.of()));
        String found = lines(inspect(ORDERS_1_TO_20));
        assertTrue(found.contains("ack floor stream sequence: expected at most 5 (delivered), found 8"), found);
        assertTrue(found.contains("ack floor consumer sequence: expected at most 5 (delivered), found 6"), found);
        assertTrue(found.contains("pending message seq 3: expected above the ack floor 8, found 3"), found);
    }

    @Test
    void consumerOfAMissingStreamAndStateWithoutConfigurationAreReported() {
        ConsumerId lost = new ConsumerId("GONE", "reader");
        save(lost);
        ConsumerId bare = new ConsumerId("ORDERS", "bare");
        store.write(bare, new AckStateChanges(new SequencePair(1, 1), SequencePair.ZERO, List.of(pending(1, 1)),
                List.of()));
        String found = lines(inspect(ORDERS_1_TO_20));
        assertTrue(found.contains("GONE > reader: stream of the consumer: expected a recorded stream, found none"),
                found);
        assertTrue(found.contains("ORDERS > bare: acknowledgement state of a consumer without configuration"), found);
    }

    @Test
    void memoryStreamRangesAreNotHeldAgainstTheirConsumers() {
        save(WORKER);
        store.write(WORKER, new AckStateChanges(new SequencePair(30, 25), new SequencePair(30, 25), List.of(),
                List.of()));
        ConsumerStateInspector.Result result = inspect(
                Map.of("ORDERS", new ConsumerStateInspector.StreamRange(false, 1, 0)));
        assertEquals(List.of(), result.inconsistencies(), lines(result));
    }

    @Test
    void unreadableConfigurationIsReported() {
        save(WORKER);
        kv.putDurably(ColumnFamily.CONSUMER_CONFIG, StateKeys.consumer(WORKER), new byte[] {(byte) 0xFF, 1, 2});
        ConsumerStateInspector.Result result = inspect(ORDERS_1_TO_20);
        assertFalse(result.inconsistencies().isEmpty());
        assertTrue(lines(result).contains("ORDERS > worker: configuration: expected a readable record"),
                lines(result));
    }
}
