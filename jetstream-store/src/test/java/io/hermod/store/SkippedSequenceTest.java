package io.hermod.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hermod.store.file.StoreDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link StreamStore#skip}: a sequence used without a message, as nats-server's {@code SkipMsg}. */
class SkippedSequenceTest {
    @TempDir
    java.nio.file.Path dir;

    private StoreDirectory directory;
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));

    private StreamStore open(StreamStoreConfig config) {
        directory = StoreDirectory.open(dir, StoreTesting.options(clock));
        return directory.openStream(config);
    }

    @AfterEach
    void closeDirectory() {
        if (directory != null) {
            directory.close();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(StorageType.class)
    void skipOnAnEmptyStreamMovesTheFirstSequencePastIt(StorageType storage) {
        StreamStore store = open(StreamStoreConfig.of("s").withStorage(storage));
        assertEquals(1L, store.skip().join());
        assertEquals(2L, store.skip().join());
        StreamState state = store.state();
        assertEquals(0, state.messages());
        assertEquals(3, state.firstSeq());
        assertEquals(2, state.lastSeq());
        assertEquals(0, state.numDeleted());
        assertEquals(3L, store.append("a", null, bytes("m")).join());
        assertEquals(3, store.state().firstSeq());
    }

    @ParameterizedTest
    @EnumSource(StorageType.class)
    void skipBetweenMessagesCountsAsDeletedAndIsNeverRead(StorageType storage) {
        StreamStore store = open(StreamStoreConfig.of("s").withStorage(storage));
        store.append("a", null, bytes("1")).join();
        assertEquals(2L, store.skip().join());
        store.append("a", null, bytes("3")).join();
        StreamState state = store.state();
        assertEquals(2, state.messages());
        assertEquals(1, state.firstSeq());
        assertEquals(3, state.lastSeq());
        assertEquals(1, state.numDeleted());
        assertTrue(store.load(2).isEmpty());
        assertEquals(3, store.next(2, null).orElseThrow().seq());
        assertTrue(store.delete(1).join());
        assertEquals(3, store.state().firstSeq(), "the skipped sequence is passed over like a tombstone");
        assertEquals(0, store.state().numDeleted());
    }

    @Test
    void skippedSequencesSurviveAReopenOfAFileStream() {
        StreamStore store = open(StreamStoreConfig.of("s"));
        store.skip().join();
        store.append("a", null, bytes("2")).join();
        store.skip().join();
        store.close();
        directory.close();
        StreamStore reopened = open(StreamStoreConfig.of("s"));
        StreamState state = reopened.state();
        assertEquals(1, state.messages());
        assertEquals(2, state.firstSeq());
        assertEquals(3, state.lastSeq());
        assertEquals(1, state.numDeleted());
        assertEquals(4L, reopened.append("a", null, bytes("4")).join());
    }

    @Test
    void skippedSequencesAreReplayedFromTheLogWhenTheIndexesAreLost() throws java.io.IOException {
        StreamStore store = open(StreamStoreConfig.of("s"));
        store.skip().join();
        store.append("a", null, bytes("2")).join();
        store.skip().join();
        store.append("a", null, bytes("4")).join();
        directory.close();
        try (java.util.stream.Stream<java.nio.file.Path> paths = java.nio.file.Files.walk(dir.resolve("meta"))) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        StreamState state = open(StreamStoreConfig.of("s")).state();
        assertEquals(2, state.messages());
        assertEquals(2, state.firstSeq());
        assertEquals(4, state.lastSeq());
        assertEquals(1, state.numDeleted());
    }

    @ParameterizedTest
    @EnumSource(StorageType.class)
    void aSkippedMessagesIdIsADuplicateWithinTheWindow(StorageType storage) {
        StreamStore store = open(StreamStoreConfig.of("s").withStorage(storage));
        assertEquals(new AppendResult(1, false), store.skipOnce("id-1").join());
        assertEquals(new AppendResult(1, true), store.skipOnce("id-1").join());
        assertEquals(new AppendResult(1, true), store.appendOnce("id-1", "a", null, bytes("m")).join());
        assertEquals(java.util.OptionalLong.of(1), store.duplicateOf("id-1"));
        assertEquals(1, store.state().lastSeq(), "the repeats took no sequence");
        assertEquals(new AppendResult(2, false), store.skipOnce("id-2").join());
    }

    @Test
    void aSkippedMessagesIdOutlastsAReopenAndAReplayOfTheLog() throws java.io.IOException {
        StreamStore store = open(StreamStoreConfig.of("s"));
        store.skipOnce("id-1").join();
        store.append("a", null, bytes("2")).join();
        store.close();
        directory.close();
        assertEquals(java.util.OptionalLong.of(1), open(StreamStoreConfig.of("s")).duplicateOf("id-1"));
        directory.close();
        try (java.util.stream.Stream<java.nio.file.Path> paths = java.nio.file.Files.walk(dir.resolve("meta"))) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertEquals(java.util.OptionalLong.of(1), open(StreamStoreConfig.of("s")).duplicateOf("id-1"));
    }
}
