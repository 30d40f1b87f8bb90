package io.hermod.store.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hermod.store.AppendResult;
import io.hermod.store.PurgeRequest;
import io.hermod.store.StoreTesting;
import io.hermod.store.StreamState;
import io.hermod.store.StreamStore;
import io.hermod.store.StreamStoreConfig;
import io.hermod.store.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reopening file streams: index behind the log, torn records, retention of cycle files. */
class FileStreamRecoveryTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final StreamStoreConfig config = StreamStoreConfig.of("orders");

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private StoreDirectory openDirectory() {
        return StoreDirectory.open(dir, StoreTesting.options(clock));
    }

    private static FileStreamStore fileStore(StreamStore handle) {
        return (FileStreamStore) ((ClosingStore) handle).unwrap();
    }

    @Test
    void reopenServesEverythingAndContinuesTheSequence() {
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            for (int i = 1; i <= 50; i++) {
                s.append("o." + (i % 3), null, bytes("m" + i));
            }
            s.delete(10).join();
            s.purge(PurgeRequest.upTo(5)).join();
        }
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            assertEquals(0, fileStore(s).recovery().replayed());
            StreamState state = s.state();
            assertEquals(45, state.messages());
            assertEquals(5, state.firstSeq());
            assertEquals(1, state.numDeleted());
            assertArrayEquals(bytes("m50"), s.lastBySubject("o.2").orElseThrow().payload());
            assertEquals(51L, s.append("o.0", null, bytes("m51")).join());
            assertArrayEquals(bytes("m51"), s.load(51).orElseThrow().payload());
            assertEquals(List.of(config), d.storedConfigs());
        }
    }

    @Test
    void duplicateWindowSurvivesReopenAndIsRebuiltFromTheLog() throws IOException {
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            assertEquals(new AppendResult(1, false), s.appendOnce("order-1", "o", null, bytes("a")).join());
            clock.advance(Duration.ofMinutes(1));
            assertEquals(new AppendResult(2, false), s.appendOnce("order-2", "o", null, bytes("b")).join());
        }
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            assertEquals(new AppendResult(2, true), s.appendOnce("order-2", "o", null, bytes("b")).join());
            assertEquals(new AppendResult(1, true), s.appendOnce("order-1", "o", null, bytes("a")).join());
        }
        deleteTree(dir.resolve("meta"));
        clock.advance(Duration.ofSeconds(90));
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            assertEquals(new AppendResult(2, true), s.appendOnce("order-2", "o", null, bytes("b")).join());
            assertEquals(new AppendResult(3, false), s.appendOnce("order-1", "o", null, bytes("a")).join());
        }
    }

    @Test
    void syncIntervalStreamKeepsEverythingAcrossACleanClose() {
        StreamStoreConfig relaxed = config.withSyncInterval(Duration.ofMinutes(2));
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(relaxed);
            for (int i = 1; i <= 100; i++) {
                s.append("r", null, bytes("m" + i));
            }
            assertEquals(100L, s.append("r", null, bytes("m101")).join() - 1);
        }
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(relaxed);
            assertEquals(101, s.state().messages());
            assertArrayEquals(bytes("m101"), s.load(101).orElseThrow().payload());
            assertEquals(List.of(relaxed), d.storedConfigs());
        }
    }

    @Test
    void indexBehindTheLogIsRebuiltFromTheLogTail() throws IOException {
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            for (int i = 1; i <= 5; i++) {
                s.append("a", null, bytes("m" + i)).join();
            }
        }
        withCommitsLost(s -> {
            for (int i = 6; i <= 12; i++) {
                s.append(i % 2 == 0 ? "a" : "b", null, bytes("m" + i));
            }
            s.delete(7).join();
        });
        Path meta = dir.resolve("meta");
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            assertTrue(fileStore(s).recovery().replayed() >= 8, fileStore(s).recovery().toString());
            StreamState state = s.state();
            assertEquals(11, state.messages());
            assertEquals(12, state.lastSeq());
            assertEquals(1, state.numDeleted());
            assertTrue(s.load(7).isEmpty());
            assertArrayEquals(bytes("m11"), s.lastBySubject("b").orElseThrow().payload());
            assertArrayEquals(bytes("m12"), s.load(12).orElseThrow().payload());
            assertEquals(13L, s.append("a", null, bytes("m13")).join());
        }
        deleteTree(meta);
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            assertEquals(12, s.state().messages());
            assertArrayEquals(bytes("m13"), s.load(13).orElseThrow().payload());
        }
    }

    /**
     * Runs {@code writes} on the stream, then puts back the RocksDB indexes as they were before: the on-disk state
     * of a crash that lost the commits of those writes (their log records remain, to be replayed).
     */
    private void withCommitsLost(java.util.function.Consumer<StreamStore> writes) throws IOException {
        Path meta = dir.resolve("meta");
        Path stale = dir.resolve("meta-stale");
        copyTree(meta, stale);
        try (StoreDirectory d = openDirectory()) {
            writes.accept(d.openStream(config));
        }
        deleteTree(meta);
        Files.move(stale, meta);
    }

    /**
     * Recovery replays every write past the last commit and commits them in one batch: a tombstone added by a
     * delete and dropped by a later purge within that stretch must not reach RocksDB (nor after several groups
     * committed at once by the writer).
     */
    @Test
    void tombstoneDeletedAndPurgedBetweenCommitsDoesNotReturnAfterRecovery() throws IOException {
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            for (int i = 1; i <= 6; i++) {
                s.append("a", null, bytes("m" + i)).join();
            }
        }
        // As after a crash that lost the commits of the delete and the purge: both are replayed from the log.
        withCommitsLost(s -> {
            s.delete(3).join();
            assertEquals(3L, s.purge(PurgeRequest.upTo(5)).join());
            assertEquals(0, s.state().numDeleted());
        });
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            assertTrue(fileStore(s).recovery().replayed() >= 2, fileStore(s).recovery().toString());
            assertEquals(new StreamState(2, s.state().bytes(), 5, 6, s.state().firstTimestampNanos(),
                    s.state().lastTimestampNanos(), 0, 1), s.state());
        }
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            assertEquals(0, fileStore(s).recovery().replayed());
            StreamState state = s.state();
            assertEquals(2, state.messages());
            assertEquals(5, state.firstSeq());
            assertEquals(0, state.numDeleted(), state.toString());
            assertEquals(7L, s.append("a", null, bytes("m7")).join());
        }
    }

    /**
     * One append can add a tombstone and drop it again: max_msgs_per_subject removes a message in the middle, then
     * max_bytes removes the first and moves the first sequence past it. A clean close and reopen must not bring
     * that tombstone back.
     */
    @Test
    void tombstoneAddedAndDroppedByOneAppendsLimitsStaysGoneAfterReopen() {
        StreamStoreConfig limited = StreamStoreConfig.of("limited").withMaxMsgsPerSubject(1).withMaxBytes(1200);
        byte[] small = new byte[100];
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(limited);
            s.append("x", null, small).join();
            s.append("a", null, small).join();
            s.append("b", null, small).join();
            assertEquals(4L, s.append("a", null, new byte[1000]).join());
            StreamState state = s.state();
            assertEquals(2, state.messages(), state.toString());
            assertEquals(3, state.firstSeq());
            assertEquals(0, state.numDeleted());
        }
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(limited);
            StreamState state = s.state();
            assertEquals(2, state.messages(), state.toString());
            assertEquals(3, state.firstSeq());
            assertEquals(0, state.numDeleted(), state.toString());
        }
    }

    @Test
    void tornTailRecordIsDroppedAndItsSequenceReused() throws IOException {
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            for (int i = 1; i <= 9; i++) {
                s.append("a", null, bytes("payload-" + i)).join();
            }
            s.append("a", null, bytes("TORN-TAIL-PAYLOAD")).join();
        }
        TornRecord.corruptLastOccurrence(dir.resolve("streams/orders"), bytes("TORN-TAIL-PAYLOAD"));
        deleteTree(dir.resolve("meta"));
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            assertEquals(1, fileStore(s).recovery().voided());
            assertEquals(9, s.state().lastSeq());
            assertTrue(s.load(10).isEmpty());
            assertArrayEquals(bytes("payload-9"), s.load(9).orElseThrow().payload());
            assertEquals(10L, s.append("a", null, bytes("new-10")).join());
        }
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            assertEquals(10, s.state().messages());
            assertArrayEquals(bytes("new-10"), s.load(10).orElseThrow().payload());
        }
        deleteTree(dir.resolve("meta"));
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            assertEquals(10, s.state().messages());
            assertArrayEquals(bytes("new-10"), s.load(10).orElseThrow().payload());
        }
    }

    /**
     * What a process killed inside Chronicle's {@code writingDocument} leaves: after the last complete document, a
     * header with the not-complete bit set and part of its bytes. Readers must stop before it, and the next
     * append (recovery's marker) must overwrite it, so that everything written later is readable.
     */
    @Test
    void documentLeftNotCompleteByAKilledWriterIsInvisibleAndOverwritten() throws IOException {
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            for (int i = 1; i <= 4; i++) {
                s.append("a", null, bytes("payload-" + i)).join();
            }
            s.append("a", null, bytes("LAST-COMPLETE-PAYLOAD")).join();
        }
        appendNotCompleteDocument(dir.resolve("streams/orders"), bytes("LAST-COMPLETE-PAYLOAD"));
        deleteTree(dir.resolve("meta"));
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            assertEquals(5, s.state().lastSeq());
            assertArrayEquals(bytes("LAST-COMPLETE-PAYLOAD"), s.load(5).orElseThrow().payload());
            assertEquals(6L, s.append("a", null, bytes("after-6")).join());
            assertEquals(7L, s.append("a", null, bytes("after-7")).join());
        }
        for (int reopen = 0; reopen < 2; reopen++) {
            try (StoreDirectory d = openDirectory()) {
                StreamStore s = d.openStream(config);
                assertEquals(7, s.state().messages());
                assertArrayEquals(bytes("after-6"), s.load(6).orElseThrow().payload());
                assertArrayEquals(bytes("after-7"), s.load(7).orElseThrow().payload());
            }
            deleteTree(dir.resolve("meta"));
        }
    }

    /**
     * Writes, right after the complete document holding {@code payload}, a Chronicle header with the not-complete
     * bit (bit 31) and a length, followed by a few bytes of a record, as a writer killed mid-document leaves them.
     */
    private static void appendNotCompleteDocument(Path logDir, byte[] payload) throws IOException {
        for (Path file : cycleFiles(logDir)) {
            byte[] content = Files.readAllBytes(file);
            for (int i = content.length - payload.length; i >= 0; i--) {
                if (!java.util.Arrays.equals(content, i, i + payload.length, payload, 0, payload.length)) {
                    continue;
                }
                int documentEnd = i + payload.length + 5;
                for (int h = i - 4; h >= Math.max(0, i - 200); h--) {
                    int header = java.nio.ByteBuffer.wrap(content, h, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                            .getInt();
                    if ((header & 0x3FFF_FFFF) == documentEnd - (h + 4) && (header & 0xC000_0000) == 0) {
                        int next = (documentEnd + 3) & ~3;
                        java.nio.ByteBuffer torn = java.nio.ByteBuffer.allocate(16)
                                .order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0x8000_0000 | 40)
                                .put(new byte[] {0x0A, 0x26, 0x08, 0x06, 0x10, 0x01, 0x1A, 0x01, 0x61, 0x2A, 0x05,
                                    0x61});
                        try (var channel = java.nio.channels.FileChannel.open(file,
                                java.nio.file.StandardOpenOption.WRITE)) {
                            channel.write(torn.flip(), next);
                        }
                        return;
                    }
                }
                throw new AssertionError("no Chronicle header found before the payload in " + file);
            }
        }
        throw new AssertionError("payload not found in " + logDir);
    }

    @Test
    void retentionDeletesWholeCycleFilesBelowTheFirstSequence() throws IOException, InterruptedException {
        Path logDir = dir.resolve("streams/orders");
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            for (int i = 1; i <= 40; i++) {
                s.append("a", null, bytes("m" + i)).join();
                if (i % 10 == 0) {
                    clock.advance(Duration.ofSeconds(1));
                }
            }
            assertTrue(cycleFiles(logDir).size() >= 4, cycleFiles(logDir).toString());
            s.purge(PurgeRequest.upTo(25)).join();
            // Seq 25 lives in the third second's file; the purge record itself went to a fifth. The files go once
            // the writer committed the new first sequence, just after the purge's future completed.
            awaitCycleFiles(logDir, 3);
            assertArrayEquals(bytes("m25"), s.load(25).orElseThrow().payload());
        }
        deleteTree(dir.resolve("meta"));
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            StreamState state = s.state();
            assertEquals(40, state.lastSeq());
            assertArrayEquals(bytes("m40"), s.load(40).orElseThrow().payload());
            assertEquals(41L, s.append("a", null, bytes("m41")).join());
        }
    }

    private static void awaitCycleFiles(Path logDir, int expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (cycleFiles(logDir).size() != expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(expected, cycleFiles(logDir).size(), cycleFiles(logDir).toString());
    }

    private static List<Path> cycleFiles(Path logDir) throws IOException {
        try (Stream<Path> files = Files.list(logDir)) {
            return files.filter(p -> p.toString().endsWith(".cq4")).sorted().toList();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
