package io.hermod.store.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void indexBehindTheLogIsRebuiltFromTheLogTail() throws IOException {
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            for (int i = 1; i <= 5; i++) {
                s.append("a", null, bytes("m" + i)).join();
            }
        }
        Path meta = dir.resolve("meta");
        Path stale = dir.resolve("meta-stale");
        copyTree(meta, stale);
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            for (int i = 6; i <= 12; i++) {
                s.append(i % 2 == 0 ? "a" : "b", null, bytes("m" + i));
            }
            s.delete(7).join();
        }
        deleteTree(meta);
        Files.move(stale, meta);
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

    @Test
    void tornTailRecordIsDroppedAndItsSequenceReused() throws IOException {
        try (StoreDirectory d = openDirectory()) {
            StreamStore s = d.openStream(config);
            for (int i = 1; i <= 9; i++) {
                s.append("a", null, bytes("payload-" + i)).join();
            }
            s.append("a", null, bytes("TORN-TAIL-PAYLOAD")).join();
        }
        corruptLastOccurrence(dir.resolve("streams/orders"), bytes("TORN-TAIL-PAYLOAD"));
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

    @Test
    void retentionDeletesWholeCycleFilesBelowTheFirstSequence() throws IOException {
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
            // Seq 25 lives in the third second's file; the purge record itself went to a fifth.
            assertEquals(3, cycleFiles(logDir).size(), cycleFiles(logDir).toString());
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

    private static List<Path> cycleFiles(Path logDir) throws IOException {
        try (Stream<Path> files = Files.list(logDir)) {
            return files.filter(p -> p.toString().endsWith(".cq4")).sorted().toList();
        }
    }

    private static void corruptLastOccurrence(Path logDir, byte[] needle) throws IOException {
        for (Path file : cycleFiles(logDir)) {
            byte[] content = Files.readAllBytes(file);
            for (int i = content.length - needle.length; i >= 0; i--) {
                if (java.util.Arrays.equals(content, i, i + needle.length, needle, 0, needle.length)) {
                    try (var channel = java.nio.channels.FileChannel.open(file,
                            java.nio.file.StandardOpenOption.WRITE)) {
                        channel.write(java.nio.ByteBuffer.wrap(new byte[] {(byte) ~content[i + 3]}), i + 3);
                    }
                    return;
                }
            }
        }
        throw new AssertionError("payload not found in " + logDir);
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
