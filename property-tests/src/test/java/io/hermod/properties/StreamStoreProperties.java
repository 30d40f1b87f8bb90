package io.hermod.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.hermod.store.PurgeRequest;
import io.hermod.store.StorageType;
import io.hermod.store.StreamState;
import io.hermod.store.StreamStore;
import io.hermod.store.StreamStoreConfig;
import io.hermod.store.file.StoreDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random appends (some with message ids, all within the duplicate window), deletes, purges and reopenings of a stream with small limits (so eviction happens often),
 * against a sorted map of sequence to message: same messages, same sequences, same totals, after every step.
 */
class StreamStoreProperties {
    private static final String[] SUBJECTS = {"a", "b.x", "b.y"};
    private static final int MAX_MSGS = 20;
    private static final int MAX_PER_SUBJECT = 8;
    private static final Gen<List<Integer>> OPERATIONS =
            lists().of(integers().between(0, 999_999)).ofSizeBetween(1, 80);

    private record Msg(String subject, byte[] payload) {
    }

    @Test
    void memoryStoreMatchesModel() {
        qt().withExamples(300).forAll(OPERATIONS).checkAssert(ops -> run(StorageType.MEMORY, ops));
    }

    @Test
    void fileStoreMatchesModelAcrossReopen() {
        qt().withExamples(12).withShrinkCycles(20).forAll(OPERATIONS).checkAssert(ops -> run(StorageType.FILE, ops));
    }

    private static void run(StorageType storage, List<Integer> operations) {
        Path dir = tempDir();
        StreamStoreConfig config = StreamStoreConfig.of("p").withStorage(storage).withMaxMsgs(MAX_MSGS)
                .withMaxMsgsPerSubject(MAX_PER_SUBJECT);
        TreeMap<Long, Msg> model = new TreeMap<>();
        Map<String, Long> ids = new java.util.HashMap<>();
        long lastSeq = 0;
        StoreDirectory directory = StoreDirectory.open(dir);
        StreamStore store = directory.openStream(config);
        try {
            for (int op : operations) {
                int kind = op % 10;
                int arg = op / 10;
                if (kind == 4) {
                    String msgId = "id-" + (arg % 12);
                    byte[] payload = ("p" + arg).getBytes(StandardCharsets.UTF_8);
                    var result = store.appendOnce(msgId, "a", null, payload).join();
                    Long earlier = ids.get(msgId);
                    if (earlier != null) {
                        assertEquals(new io.hermod.store.AppendResult(earlier, true), result);
                    } else {
                        assertEquals(new io.hermod.store.AppendResult(++lastSeq, false), result);
                        ids.put(msgId, lastSeq);
                        model.put(lastSeq, new Msg("a", payload));
                        evict(model, "a");
                    }
                } else if (kind <= 3) {
                    String subject = SUBJECTS[arg % SUBJECTS.length];
                    byte[] payload = ("p" + arg).getBytes(StandardCharsets.UTF_8);
                    long seq = store.append(subject, null, payload).join();
                    assertEquals(++lastSeq, seq);
                    model.put(seq, new Msg(subject, payload));
                    evict(model, subject);
                } else if (kind <= 6) {
                    long seq = lastSeq == 0 ? 1 : 1 + arg % lastSeq;
                    assertEquals(model.remove(seq) != null, store.delete(seq).join());
                } else if (kind == 7) {
                    long upTo = 1 + arg % (lastSeq + 2);
                    long expected = model.headMap(Math.min(upTo, lastSeq + 1), false).size();
                    model.headMap(upTo, false).clear();
                    assertEquals(expected, store.purge(PurgeRequest.upTo(upTo)).join());
                } else if (kind == 8) {
                    String subject = SUBJECTS[arg % SUBJECTS.length];
                    long expected = model.values().stream().filter(m -> m.subject.equals(subject)).count();
                    model.values().removeIf(m -> m.subject.equals(subject));
                    assertEquals(expected, store.purge(PurgeRequest.subject(subject)).join());
                } else if (storage == StorageType.FILE) {
                    store.close();
                    directory.close();
                    directory = StoreDirectory.open(dir);
                    store = directory.openStream(config);
                }
                check(store, model, lastSeq);
            }
        } finally {
            store.close();
            directory.close();
            deleteTree(dir);
        }
    }

    private static void evict(TreeMap<Long, Msg> model, String subject) {
        List<Long> ofSubject = model.entrySet().stream().filter(e -> e.getValue().subject.equals(subject))
                .map(Map.Entry::getKey).toList();
        for (int i = 0; i < ofSubject.size() - MAX_PER_SUBJECT; i++) {
            model.remove(ofSubject.get(i));
        }
        while (model.size() > MAX_MSGS) {
            model.pollFirstEntry();
        }
    }

    private static void check(StreamStore store, TreeMap<Long, Msg> model, long lastSeq) {
        StreamState state = store.state();
        assertEquals(model.size(), state.messages(), state.toString());
        assertEquals(lastSeq, state.lastSeq());
        if (!model.isEmpty()) {
            assertEquals(model.firstKey(), state.firstSeq());
            assertEquals(lastSeq - model.firstKey() + 1 - model.size(), state.numDeleted());
        }
        for (long seq = 1; seq <= lastSeq; seq++) {
            Msg expected = model.get(seq);
            var actual = store.load(seq);
            assertEquals(expected != null, actual.isPresent(), "seq " + seq);
            if (expected != null) {
                assertEquals(expected.subject, actual.get().subject());
                assertArrayEquals(expected.payload, actual.get().payload());
            }
        }
        for (String subject : SUBJECTS) {
            Long last = null;
            for (Map.Entry<Long, Msg> e : model.entrySet()) {
                if (e.getValue().subject.equals(subject)) {
                    last = e.getKey();
                }
            }
            var found = store.lastBySubject(subject);
            assertEquals(last != null, found.isPresent(), subject);
            if (last != null) {
                assertEquals(last, found.get().seq());
            }
        }
        assertTrue(store.next(lastSeq + 1, null).isEmpty());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("hermod-store-prop");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
