package io.hermod.store.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hermod.store.PurgeRequest;
import io.hermod.store.StoreTesting;
import io.hermod.store.StreamStore;
import io.hermod.store.StreamStoreConfig;
import io.hermod.store.TestClock;
import io.hermod.store.kv.ColumnFamily;
import io.hermod.store.kv.KeyValueStorage;
import io.hermod.store.proto.SequenceRun;
import io.hermod.store.proto.SubjectEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline checks of file streams against their logs, and rebuilds of their indexes from the logs. */
class StreamStoreInspectorTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final StreamStoreConfig config = StreamStoreConfig.of("orders");

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private FileStoreOptions options() {
        return StoreTesting.options(clock);
    }

    /** 30 messages on three subjects with ids, a deletion and a purge of one subject's older messages. */
    private void writeOrders() {
        try (StoreDirectory d = StoreDirectory.open(dir, options())) {
            StreamStore s = d.openStream(config);
            for (int i = 1; i <= 30; i++) {
                s.appendOnce("id-" + i, "o." + (i % 3), null, bytes("m" + i)).join();
            }
            s.delete(7).join();
            s.purge(new PurgeRequest("o.1", 20, -1)).join();
        }
    }

    private StreamInspection inspect(StreamStoreConfig c) throws NoSuchFileException {
        try (StoreInspector inspector = StoreInspector.open(dir, options())) {
            return inspector.inspect(c, new LongAdder());
        }
    }

    private static String describeAll(StreamInspection inspection) {
        return String.join("\n", inspection.inconsistencies().stream().map(StoreInconsistency::describe).toList());
    }

    @Test
    void storeWrittenAndClosedNormallyIsConsistent() throws IOException {
        writeOrders();
        StreamInspection inspection = inspect(config);
        assertTrue(inspection.consistent(), describeAll(inspection));
        assertEquals(30, inspection.state().lastSeq());
        assertEquals(30 - 1 - 6, inspection.state().messages());
        assertEquals(0, inspection.voidedDocuments());
    }

    @Test
    void changedSubjectCountIsReportedAndRebuildFixesIt() throws IOException {
        writeOrders();
        try (StoreInspector inspector = StoreInspector.open(dir, options())) {
            inspector.keyValueStorage().putDurably(ColumnFamily.SUBJECT_INDEX, key("orders", "o.2"),
                    SubjectEntry.newBuilder().setMessages(99).setFirstSeq(2).setLastSeq(29).build().toByteArray());
        }
        StreamInspection broken = inspect(config);
        assertFalse(broken.consistent());
        assertTrue(describeAll(broken).contains("orders: subject \"o.2\": expected 10 msgs, seq 2..29, found 99 msgs,"
                + " seq 2..29"), describeAll(broken));
        assertTrue(broken.inconsistencies().stream().allMatch(StoreInconsistency::repairable));

        try (StoreInspector inspector = StoreInspector.open(dir, options())) {
            inspector.rebuild(config);
        }
        StreamInspection repaired = inspect(config);
        assertTrue(repaired.consistent(), describeAll(repaired));
    }

    @Test
    void sequenceRunPointingElsewhereIsReportedPerSequence() throws IOException {
        writeOrders();
        try (StoreInspector inspector = StoreInspector.open(dir, options())) {
            KeyValueStorage kv = inspector.keyValueStorage();
            List<byte[]> runKeys = new ArrayList<>();
            kv.scan(ColumnFamily.SEQ_INDEX, prefix("orders"), null, (k, v) -> {
                if (k[prefix("orders").length] == 'r') {
                    runKeys.add(k);
                }
                return true;
            });
            byte[] first = runKeys.get(0);
            long seq = ByteBuffer.wrap(first, first.length - 8, 8).getLong();
            byte[] value = kv.get(ColumnFamily.SEQ_INDEX, first);
            long index = SequenceRun.parseFrom(value).getFirstLogIndex();
            kv.putDurably(ColumnFamily.SEQ_INDEX, first, SequenceRun.newBuilder().setFirstSeq(seq)
                    .setFirstLogIndex(index + 1).build().toByteArray());
        }
        StreamInspection broken = inspect(config);
        assertTrue(describeAll(broken).contains("log position of seq"), describeAll(broken));
        long shown = broken.inconsistencies().stream().filter(i -> i.what().startsWith("log position")).count();
        assertEquals(Findings.SHOWN_PER_KIND, shown, describeAll(broken));
        assertTrue(describeAll(broken).contains("orders: further sequence index disagreements (not shown): expected 0,"
                + " found 13"), describeAll(broken));
        try (StoreInspector inspector = StoreInspector.open(dir, options())) {
            inspector.rebuild(config);
        }
        assertTrue(inspect(config).consistent());
    }

    @Test
    void tornLastRecordIsReportedAndRebuildDropsIt() throws IOException {
        try (StoreDirectory d = StoreDirectory.open(dir, options())) {
            StreamStore s = d.openStream(config);
            for (int i = 1; i <= 9; i++) {
                s.append("a", null, bytes("payload-" + i)).join();
            }
            s.append("a", null, bytes("TORN-TAIL-PAYLOAD")).join();
        }
        TornRecord.corruptLastOccurrence(dir.resolve("streams/orders"), bytes("TORN-TAIL-PAYLOAD"));
        StreamInspection broken = inspect(config);
        String found = describeAll(broken);
        assertTrue(found.contains("orders: torn record at cycle "), found);
        assertTrue(found.contains("orders: last sequence: expected 9, found 10"), found);
        assertTrue(found.contains("orders: messages: expected 9, found 10"), found);

        RecoveryReport rebuilt;
        try (StoreInspector inspector = StoreInspector.open(dir, options())) {
            rebuilt = inspector.rebuild(config);
        }
        assertEquals(1, rebuilt.voided());
        StreamInspection repaired = inspect(config);
        assertTrue(repaired.consistent(), describeAll(repaired));
        assertEquals(9, repaired.state().lastSeq());
        assertEquals(1, repaired.voidedDocuments(), "the torn record stays in the log, sealed by a marker");
    }

    /** As a machine crash can leave it: RocksDB's last batches lost, the log complete. */
    @Test
    void indexesBehindTheLogAreNotInconsistentTheServerReplaysTheTail() throws IOException {
        writeOrders();
        FileStreamRecoveryTest.copyTree(dir.resolve("meta"), dir.resolve("meta-before"));
        try (StoreDirectory d = StoreDirectory.open(dir, options())) {
            StreamStore s = d.openStream(config);
            for (int i = 31; i <= 35; i++) {
                s.append("o.new", null, bytes("m" + i)).join();
            }
        }
        FileStreamRecoveryTest.deleteTree(dir.resolve("meta"));
        Files.move(dir.resolve("meta-before"), dir.resolve("meta"));
        StreamInspection inspection = inspect(config);
        assertTrue(inspection.consistent(), describeAll(inspection));
        assertEquals(6, inspection.unappliedDocuments(), "a recovery marker and five messages");
        assertEquals(30, inspection.state().lastSeq(), "figures as of what the indexes reflect");
        assertEquals(35, inspection.tailLastSeq());
    }

    @Test
    void memoryStreamHasNothingOnDiskToCheck() throws IOException {
        writeOrders();
        StreamInspection inspection = inspect(StreamStoreConfig.of("scratch").withStorage(
                io.hermod.store.StorageType.MEMORY));
        assertTrue(inspection.consistent());
        assertEquals(0, inspection.logDocuments());
    }

    @Test
    void agedOutMessagesAreNotInconsistencies() throws IOException {
        StreamStoreConfig aging = config.withMaxAge(Duration.ofSeconds(10));
        try (StoreDirectory d = StoreDirectory.open(dir, options())) {
            StreamStore s = d.openStream(aging);
            for (int i = 1; i <= 10; i++) {
                s.append("a." + (i % 2), null, bytes("m" + i)).join();
                clock.advance(Duration.ofSeconds(2));
            }
            assertTrue(s.expireOld().join() > 0);
        }
        StreamInspection inspection = inspect(aging);
        assertTrue(inspection.consistent(), describeAll(inspection));
        assertTrue(inspection.state().firstSeq() > 1);
    }

    @Test
    void indexKeysOfAnUnknownStreamAreOrphansAndRepairRemovesThem() throws IOException {
        writeOrders();
        try (StoreInspector inspector = StoreInspector.open(dir, options())) {
            inspector.keyValueStorage().putDurably(ColumnFamily.SUBJECT_INDEX, key("gone", "x"),
                    SubjectEntry.newBuilder().setMessages(1).setFirstSeq(1).setLastSeq(1).build().toByteArray());
            List<StoreInconsistency> orphans = inspector.orphans(Set.of("orders"));
            assertEquals(List.of("gone"), orphans.stream().map(StoreInconsistency::stream).toList());
            assertEquals(Set.of("gone"), inspector.dropOrphanIndexes(Set.of("orders")));
            assertEquals(List.of(), inspector.orphans(Set.of("orders")));
        }
    }

    @Test
    void logDirectoryOfAnUnknownStreamIsReportedAndNotRepairable() throws IOException {
        writeOrders();
        Files.createDirectories(dir.resolve("streams/ghost"));
        try (StoreInspector inspector = StoreInspector.open(dir, options())) {
            List<StoreInconsistency> orphans = inspector.orphans(Set.of("orders"));
            assertEquals(1, orphans.size(), orphans.toString());
            assertEquals("ghost", orphans.get(0).stream());
            assertFalse(orphans.get(0).repairable());
        }
    }

    @Test
    void unreadableStreamStateIsReportedOnceAndRebuildReplacesIt() throws IOException {
        writeOrders();
        try (StoreInspector inspector = StoreInspector.open(dir, options())) {
            inspector.keyValueStorage().putDurably(ColumnFamily.STREAM_STATE, prefix("orders"),
                    new byte[] {(byte) 0xFF, (byte) 0xFF, 3});
        }
        StreamInspection broken = inspect(config);
        assertEquals(List.of("orders: stream state in RocksDB: expected a readable record, found unreadable"),
                broken.inconsistencies().stream().map(StoreInconsistency::describe).toList());
        try (StoreInspector inspector = StoreInspector.open(dir, options())) {
            inspector.rebuild(config);
        }
        assertTrue(inspect(config).consistent());
    }

    @Test
    void storeHeldOpenIsRefused() {
        writeOrders();
        try (StoreDirectory running = StoreDirectory.open(dir, options())) {
            StoreInUseException e = org.junit.jupiter.api.Assertions.assertThrows(StoreInUseException.class,
                    () -> StoreInspector.open(dir, options()));
            assertTrue(e.getMessage().contains("stop the server first"), e.getMessage());
        }
    }

    @Test
    void directoryWithoutAStoreIsNotFound() {
        org.junit.jupiter.api.Assertions.assertThrows(NoSuchFileException.class,
                () -> StoreInspector.open(dir.resolve("nothing"), options()));
        assertFalse(Files.exists(dir.resolve("nothing")), "checking must not create a store");
    }

    private static byte[] prefix(String stream) {
        byte[] name = stream.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(name.length + 2).putShort((short) name.length).put(name).array();
    }

    private static byte[] key(String stream, String subject) {
        byte[] p = prefix(stream);
        byte[] s = subject.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(p.length + s.length).put(p).put(s).array();
    }
}
