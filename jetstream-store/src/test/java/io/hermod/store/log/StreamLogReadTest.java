package io.hermod.store.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads by index give the document at that index, whatever the reading thread's tailer read before. */
class StreamLogReadTest {
    @TempDir
    Path dir;
    private final SetTimeProvider time = new SetTimeProvider(1_700_000_000_000L);
    private StreamLog log;
    private final List<Long> indexes = new ArrayList<>();

    @BeforeEach
    void open() {
        log = StreamLog.open(dir, TestRollCycles.TEST_SECONDLY, time);
    }

    @AfterEach
    void close() {
        log.close();
    }

    private void append(int count) {
        for (int i = 0; i < count; i++) {
            int n = indexes.size();
            indexes.add(log.append(doc(n)));
        }
    }

    private static byte[] doc(int n) {
        return ("document " + n).getBytes(StandardCharsets.UTF_8);
    }

    private void assertReads(int n) {
        assertArrayEquals(doc(n), log.read(indexes.get(n)), () -> "document " + n);
    }

    @Test
    void sequentialReadsAcrossCycleBoundariesGiveEachDocument() {
        for (int cycle = 0; cycle < 4; cycle++) {
            append(5);
            time.advanceMillis(1_000);
        }
        assertEquals(4, indexes.stream().map(log::cycleOf).distinct().count());

        for (int n = 0; n < indexes.size(); n++) {
            assertReads(n);
        }
    }

    @Test
    void readsThatSkipGoBackOrRepeatGiveTheRequestedDocument() {
        append(30);
        time.advanceMillis(1_000);
        append(30);

        int[] order = {0, 1, 3, 4, 20, 21, 2, 2, 29, 30, 31, 59, 10, 11, 12, 45, 0};
        for (int n : order) {
            assertReads(n);
        }
    }

    @Test
    void readAtTheEndSeesDocumentsAppendedLater() {
        append(3);
        for (int n = 0; n < 3; n++) {
            assertReads(n);
        }
        assertNull(log.read(indexes.get(2) + 1));

        append(2);
        assertReads(3);
        time.advanceMillis(1_000);
        append(2);
        assertReads(4);
        assertReads(5);
        assertReads(6);
    }

    @Test
    void readsAfterDeletedCyclesGiveTheRemainingDocuments() {
        append(4);
        time.advanceMillis(1_000);
        append(4);
        time.advanceMillis(1_000);
        append(4);
        assertReads(0);
        assertReads(1);

        assertFalse(log.deleteCyclesBelow(log.cycleOf(indexes.get(8))).isEmpty());

        // The tailer stands in a deleted cycle: it reads on through the deleted one into what remains.
        for (int n = 8; n < 12; n++) {
            assertReads(n);
        }
    }

    @Test
    void everyThreadReadsOnItsOwnPosition() throws Exception {
        append(50);
        Thread other = new Thread(() -> {
            for (int n = 49; n >= 0; n--) {
                assertReads(n);
            }
        });
        List<Throwable> failures = new ArrayList<>();
        other.setUncaughtExceptionHandler((t, e) -> failures.add(e));
        other.start();
        for (int n = 0; n < 50; n++) {
            assertReads(n);
        }
        other.join(60_000);
        assertFalse(other.isAlive());
        assertEquals(List.of(), failures);
    }
}
