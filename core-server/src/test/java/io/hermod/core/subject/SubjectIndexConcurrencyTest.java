package io.hermod.core.subject;

import static io.hermod.core.subject.MatchAssertions.assertPlain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Smoke tests of concurrent use; bounded loops, no sleeps, no timing assertions. */
class SubjectIndexConcurrencyTest {
    private static final String[] SUBJECTS = {"a.b", "a.c", "b.b", "a.b.c", "c"};
    private static final String[] FILTERS = {"a.b", "a.*", "*.b", "a.>", ">", "c", "a.b.c", "*.*"};

    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final TrieSubjectIndex<Sub> index = new TrieSubjectIndex<>(4);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    }

    @Test
    void matchersAlwaysSeePermanentSubscriptionsWhileOthersComeAndGo() throws Exception {
        Sub permanent = new Sub("permanent");
        index.add(">", null, permanent);
        CyclicBarrier start = new CyclicBarrier(4);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int writer = w;
            tasks.add(() -> {
                start.await();
                for (int i = 0; i < 3_000; i++) {
                    String filter = FILTERS[(i + writer) % FILTERS.length];
                    String queue = i % 3 == 0 ? "q" + writer : null;
                    Sub sub = new Sub("w" + writer + "-" + i);
                    index.add(filter, queue, sub);
                    index.match(SUBJECTS[i % SUBJECTS.length]);
                    assertTrue(index.remove(filter, queue, sub));
                }
                return null;
            });
        }
        for (int r = 0; r < 2; r++) {
            tasks.add(() -> {
                start.await();
                for (int i = 0; i < 20_000; i++) {
                    List<Sub> plain = index.match(SUBJECTS[i % SUBJECTS.length]).plain();
                    assertTrue(plain.stream().anyMatch(sub -> sub == permanent), plain::toString);
                }
                return null;
            });
        }
        runAll(tasks);

        assertEquals(1, index.count());
        for (String subject : SUBJECTS) {
            assertPlain(index.match(subject), permanent);
        }
    }

    @Test
    void addOrRemoveIsVisibleToTheNextMatchEvenWhileOthersKeepCachingThatSubject() throws Exception {
        AtomicBoolean writerDone = new AtomicBoolean();
        CyclicBarrier start = new CyclicBarrier(3);
        List<Callable<Void>> tasks = new ArrayList<>();
        tasks.add(() -> {
            start.await();
            try {
                for (int round = 0; round < 20_000; round++) {
                    String filter = FILTERS[round % FILTERS.length];
                    Sub sub = new Sub("round" + round);
                    index.add(filter, null, sub);
                    boolean expected = SubjectFilter.matches(filter, "a.b");
                    List<Sub> afterAdd = index.match("a.b").plain();
                    assertEquals(expected, afterAdd.contains(sub), () -> "stale after adding " + filter);
                    index.remove(filter, null, sub);
                    assertTrue(index.match("a.b").isEmpty(), () -> "stale after removing " + filter);
                }
            } finally {
                writerDone.set(true);
            }
            return null;
        });
        for (int r = 0; r < 2; r++) {
            tasks.add(() -> {
                start.await();
                while (!writerDone.get()) {
                    index.match("a.b");
                }
                return null;
            });
        }
        runAll(tasks);
    }

    private void runAll(List<Callable<Void>> tasks) throws Exception {
        List<Future<Void>> futures = new ArrayList<>();
        for (Callable<Void> task : tasks) {
            futures.add(pool.submit(task));
        }
        for (Future<Void> future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }
    }
}
