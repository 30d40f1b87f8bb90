package io.hermod.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hermod.store.file.StoreDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The behaviour both storage types must share, run against each on real files. */
class StreamStoreContractTest {
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

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(StorageType.class)
    void appendsGetDenseSequencesAndReadBack(StorageType storage) {
        StreamStore store = open(StreamStoreConfig.of("s").withStorage(storage));
        assertEquals(1L, store.append("a.b", bytes("NATS/1.0\r\nX: 1\r\n\r\n"), bytes("one")).join());
        assertEquals(2L, store.append("a.c", null, bytes("two")).join());
        StoredMessage first = store.load(1).orElseThrow();
        assertEquals("a.b", first.subject());
        assertArrayEquals(bytes("one"), first.payload());
        assertArrayEquals(bytes("NATS/1.0\r\nX: 1\r\n\r\n"), first.headers());
        assertEquals(0, store.load(2).orElseThrow().headers().length);
        assertTrue(store.load(3).isEmpty());
        assertTrue(store.load(0).isEmpty());
        StreamState state = store.state();
        assertEquals(2, state.messages());
        assertEquals(1, state.firstSeq());
        assertEquals(2, state.lastSeq());
        assertEquals(2, state.numSubjects());
        // nats-server's accounting: file records carry 30 bytes (34 with headers), memory 16, beyond the content.
        assertEquals(storage == StorageType.FILE ? (22 + 3 + 4 + 18 + 3 + 8) + (22 + 3 + 3 + 8)
                : (3 + 18 + 3 + 16) + (3 + 3 + 16), state.bytes());
    }

    @ParameterizedTest
    @EnumSource(StorageType.class)
    void iteratesWithFiltersAndFindsLastBySubject(StorageType storage) {
        StreamStore store = open(StreamStoreConfig.of("s").withStorage(storage));
        for (int i = 0; i < 10; i++) {
            store.append(i % 2 == 0 ? "even." + i : "odd." + i, null, bytes("m" + i));
        }
        store.append("kv.x", null, bytes("x1"));
        store.append("kv.x", null, bytes("x2")).join();
        assertEquals(3, store.next(2, "even.*").orElseThrow().seq());
        assertEquals(2, store.next(1, "odd.>").orElseThrow().seq());
        assertEquals(11, store.next(1, "kv.x").orElseThrow().seq());
        assertEquals(12, store.next(12, null).orElseThrow().seq());
        assertTrue(store.next(13, null).isEmpty());
        assertTrue(store.next(1, "none").isEmpty());
        assertArrayEquals(bytes("x2"), store.lastBySubject("kv.x").orElseThrow().payload());
        assertTrue(store.lastBySubject("kv.y").isEmpty());
        assertEquals(Map.of("kv.x", 2L), store.subjectCounts("kv.*"));
    }

    @ParameterizedTest
    @EnumSource(StorageType.class)
    void deleteRecordsTombstonesAndMovesFirstSeq(StorageType storage) {
        StreamStore store = open(StreamStoreConfig.of("s").withStorage(storage));
        for (int i = 1; i <= 5; i++) {
            store.append("a", null, bytes("m" + i));
        }
        store.append("b", null, bytes("last")).join();
        assertTrue(store.delete(3).join());
        assertFalse(store.delete(3).join());
        assertFalse(store.delete(99).join());
        assertTrue(store.load(3).isEmpty());
        assertEquals(1, store.state().numDeleted());
        assertEquals(4, store.next(3, null).orElseThrow().seq());
        assertTrue(store.delete(1).join());
        assertTrue(store.delete(2).join());
        StreamState state = store.state();
        assertEquals(4, state.firstSeq());
        assertEquals(0, state.numDeleted());
        assertEquals(3, state.messages());
        assertTrue(store.delete(5).join());
        assertArrayEquals(bytes("m4"), store.lastBySubject("a").orElseThrow().payload());
        assertTrue(store.delete(6).join());
        assertTrue(store.lastBySubject("b").isEmpty());
        assertEquals(1, store.state().numSubjects());
    }

    @ParameterizedTest
    @EnumSource(StorageType.class)
    void purgeVariants(StorageType storage) {
        StreamStore store = open(StreamStoreConfig.of("s").withStorage(storage));
        for (int i = 1; i <= 20; i++) {
            store.append(i % 2 == 0 ? "e" : "o", null, bytes("m" + i));
        }
        store.append("o", null, bytes("m21")).join();
        assertEquals(4L, store.purge(PurgeRequest.upTo(5)).join());
        assertEquals(5, store.state().firstSeq());
        assertEquals(3L, store.purge(new PurgeRequest("e", 12, -1)).join());
        assertEquals(Map.of("e", 5L, "o", 9L), store.subjectCounts(null));
        assertEquals(4L, store.purge(new PurgeRequest("e", 0, 1)).join());
        assertEquals(1L, store.subjectCounts("e").get("e"));
        assertEquals(20, store.lastBySubject("e").orElseThrow().seq());
        assertEquals(8L, store.purge(PurgeRequest.keep(2)).join());
        assertEquals(20, store.state().firstSeq());
        assertEquals(2L, store.purge(PurgeRequest.all()).join());
        StreamState state = store.state();
        assertEquals(0, state.messages());
        assertEquals(22, state.firstSeq());
        assertEquals(21, state.lastSeq());
        assertEquals(22L, store.append("o", null, bytes("after")).join());
        assertEquals(22, store.state().firstSeq());
    }

    @ParameterizedTest
    @EnumSource(StorageType.class)
    void discardOldEvictsOldestAtEachLimit(StorageType storage) {
        StreamStore store = open(StreamStoreConfig.of("s").withStorage(storage).withMaxMsgs(3).withMaxBytes(100)
                .withMaxMsgsPerSubject(2));
        for (int i = 1; i <= 5; i++) {
            store.append("a", null, bytes("m" + i));
        }
        store.append("b", null, bytes("x")).join();
        assertEquals(Map.of("a", 2L, "b", 1L), store.subjectCounts(null));
        assertEquals(4, store.state().firstSeq());
        store.append("c", null, new byte[30]).join();
        StreamState state = store.state();
        assertTrue(state.bytes() <= 100, state.toString());
        assertEquals(7, state.lastSeq());
        // File: 33 + 32 + 61 bytes over 100 drops seq 5 too; memory: 19 + 18 + 47 fits.
        assertEquals(storage == StorageType.FILE ? 6 : 5, state.firstSeq());
    }

    @ParameterizedTest
    @EnumSource(StorageType.class)
    void discardNewRefusesWithAReason(StorageType storage) {
        StreamStore store = open(StreamStoreConfig.of("s").withStorage(storage).withMaxMsgs(2)
                .withDiscard(DiscardPolicy.NEW).withMaxMsgSize(10));
        store.append("a", null, bytes("1"));
        store.append("a", null, bytes("2")).join();
        CompletionException full = assertThrows(CompletionException.class,
                () -> store.append("a", null, bytes("3")).join());
        assertEquals(MessageRejectedException.Reason.MAX_MESSAGES,
                assertInstanceOf(MessageRejectedException.class, full.getCause()).reason());
        CompletionException large = assertThrows(CompletionException.class,
                () -> store.append("a", null, new byte[20]).join());
        assertEquals(MessageRejectedException.Reason.MESSAGE_TOO_LARGE,
                ((MessageRejectedException) large.getCause()).reason());
        assertEquals(2, store.state().lastSeq());
    }

    @ParameterizedTest
    @EnumSource(StorageType.class)
    void maxAgeExpiresAndTimeLookupFindsFirstAtOrAfter(StorageType storage) {
        StreamStore store = open(StreamStoreConfig.of("s").withStorage(storage).withMaxAge(Duration.ofMinutes(10)));
        Instant start = clock.instant();
        for (int i = 0; i < 6; i++) {
            store.append("t", null, bytes("m" + i)).join();
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(3, store.seqForTime(start.plus(Duration.ofSeconds(90))).getAsLong());
        assertEquals(1, store.seqForTime(start.minusSeconds(1)).getAsLong());
        assertTrue(store.seqForTime(start.plus(Duration.ofHours(1))).isEmpty());
        store.delete(3).join();
        assertEquals(4, store.seqForTime(start.plus(Duration.ofSeconds(90))).getAsLong());
        clock.advance(Duration.ofSeconds(7 * 60 + 30));
        assertEquals(3L, store.expireOld().join());
        assertEquals(5, store.state().firstSeq());
    }

    @ParameterizedTest
    @EnumSource(StorageType.class)
    void appendOnceStoresAMessageIdOnlyOnceWithinTheDuplicateWindow(StorageType storage) {
        StreamStore store = open(StreamStoreConfig.of("s").withStorage(storage)
                .withDuplicateWindow(Duration.ofMinutes(2)));
        assertEquals(new AppendResult(1, false), store.appendOnce("id-1", "a", null, bytes("first")).join());
        assertEquals(new AppendResult(2, false), store.appendOnce("id-2", "a", null, bytes("second")).join());
        assertEquals(new AppendResult(1, true), store.appendOnce("id-1", "a", null, bytes("again")).join());
        store.delete(1).join();
        assertEquals(new AppendResult(1, true), store.appendOnce("id-1", "a", null, bytes("after delete")).join());
        assertEquals(2, store.state().lastSeq());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(new AppendResult(3, false), store.appendOnce("id-1", "a", null, bytes("later")).join());
        assertThrows(CompletionException.class, () -> store.appendOnce("", "a", null, bytes("x")).join());
    }

    @ParameterizedTest
    @EnumSource(StorageType.class)
    void closedStoreRefusesWrites(StorageType storage) {
        StreamStore store = open(StreamStoreConfig.of("s").withStorage(storage));
        store.append("a", null, bytes("1")).join();
        store.close();
        CompletionException e = assertThrows(CompletionException.class,
                () -> store.append("a", null, bytes("2")).join());
        assertInstanceOf(StoreClosedException.class, e.getCause());
        assertThrows(CompletionException.class, () -> store.append("bad subject", null, bytes("2")).join());
    }
}
