package io.hermod.store.file;

import io.hermod.store.StorageType;
import io.hermod.store.StoredMessage;
import io.hermod.store.StoreCorruptedException;
import io.hermod.store.StreamState;
import io.hermod.store.StreamStoreConfig;
import io.hermod.store.index.DedupeWindow;
import io.hermod.store.index.SequenceIndex;
import io.hermod.store.index.SubjectTable;
import io.hermod.store.index.Tombstones;
import io.hermod.store.kv.KeyValueStorage;
import io.hermod.store.log.StreamLog;
import io.hermod.store.proto.StreamStateRecord;
import io.hermod.store.stream.MessageAccess;
import io.hermod.store.stream.StreamContents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;

/**
 * Read-only check of one file stream: replays its whole log (with {@link StreamLoader}'s own replay, so the
 * expectation is exactly what a rebuild would derive) up to the position its RocksDB indexes claim to reflect,
 * and compares the result with what RocksDB holds: totals, the sequence → log index map, tombstones, the
 * per-subject index and the de-duplication window. Also reports torn records that no recovery has sealed yet.
 * Writes nothing; the server must not be running on the store.
 */
public final class StreamStoreInspector {
    /** Replay without time passing: nothing ages out of the stream or the duplicate window while replaying. */
    private static final Clock NO_TIME = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    private final KeyValueStorage kv;
    private final Path logDirectory;
    private final StreamStoreConfig config;
    private final FileStoreOptions options;
    private final LongAdder progress;
    private final Findings findings;

    /**
     * @param options the store's options: the roll cycle of a new log, and the clock that says which message ids
     *     must still be in the duplicate window
     * @param progress counts the log documents read, for a progress display
     */
    public StreamStoreInspector(KeyValueStorage kv, Path logDirectory, StreamStoreConfig config,
            FileStoreOptions options, LongAdder progress) {
        this.kv = kv;
        this.logDirectory = logDirectory;
        this.config = config;
        this.options = options;
        this.progress = progress;
        this.findings = new Findings(config.name());
    }

    public StreamInspection inspect() {
        StreamIndexStore indexStore = new StreamIndexStore(kv, config.name());
        StreamStateRecord stored = loadState(indexStore);
        if (!Files.isDirectory(logDirectory)) {
            findings.index("log", "log directory", logDirectory, "missing");
            StreamState state = stored == null ? empty() : state(stored);
            return new StreamInspection(config.name(), StorageType.FILE, state, 0, 0, 0, state.lastSeq(),
                    findings.all());
        }
        StreamLog log = StreamLog.open(logDirectory, options.rollCycle(), options.clock()::millis);
        ChronicleMessageStorage replayStorage = null;
        try {
            int cycleShift = Long.numberOfTrailingZeros(log.rollCycle().toIndex(1, 0));
            replayStorage = new ChronicleMessageStorage(log, new SequenceIndex(cycleShift),
                    new StreamIndexStore(kv, config.name()));
            StreamContents expected = new StreamContents(config, replayStorage);
            LogScan scan = new LogScan(log, new StreamLoader(replayStorage, expected, NO_TIME).fromScratch(),
                    stored == null ? Long.MAX_VALUE : stored.getAppliedLogIndex(), progress, findings);
            scan.run();
            Map<String, DedupeWindow.Entry> expectedIds = new LinkedHashMap<>();
            expected.dedupe().drainChanges(expectedIds, new ArrayList<>());
            if (stored == null) {
                if (!findings.has("stream totals")) {
                    findings.index("stream totals", "stream state in RocksDB", describe(expected.state()),
                            "missing");
                }
            } else if (!scan.replayFailed()) {
                compare(stored, indexStore, expected, replayStorage, replayStorage.sequences(), expectedIds, cycleShift,
                        log);
            }
            return new StreamInspection(config.name(), StorageType.FILE, expected.state(), scan.documents(),
                    scan.voidedBySealedRecovery(), scan.unapplied(), Math.max(expected.lastSeq(), scan.tailLastSeq()),
                    findings.all());
        } finally {
            if (replayStorage != null) {
                replayStorage.close();
            } else {
                log.close();
            }
        }
    }

    private StreamStateRecord loadState(StreamIndexStore indexStore) {
        try {
            return indexStore.loadState();
        } catch (StoreCorruptedException e) {
            findings.index("stream totals", "stream state in RocksDB", "a readable record", "unreadable");
            return null;
        }
    }

    private void compare(StreamStateRecord stored, StreamIndexStore indexStore, StreamContents expected,
            ChronicleMessageStorage replayStorage, SequenceIndex expectedSequences, Map<String, DedupeWindow.Entry> expectedIds, int cycleShift,
            StreamLog log) {
        SequenceIndex storedSequences = new SequenceIndex(cycleShift);
        Tombstones storedTombstones = new Tombstones();
        SubjectTable storedSubjects = new SubjectTable();
        DedupeWindow storedIds = new DedupeWindow(config.duplicateWindow().toNanos());
        try {
            indexStore.loadIndexes(storedSequences, storedTombstones, storedSubjects, storedIds);
        } catch (StoreCorruptedException e) {
            findings.index("index entries", "index entries", "readable", e.getMessage());
            return;
        }
        trimAgedOut(expected, replayStorage, stored.getFirstSeq());
        StreamState want = expected.state();
        StreamState have = state(stored);
        totals(want, have, storedSubjects.size());
        sequences(expected, expectedSequences, storedSequences, storedTombstones, log);
        subjects(expected.subjects(), storedSubjects);
        dedupe(expectedIds, storedIds);
    }

    /**
     * {@code max_age} removes messages by the clock without a log record: when the indexes start later than the
     * replay, the messages in between count as aged out, as the server would have removed them, and the
     * comparison goes on from there.
     */
    private void trimAgedOut(StreamContents expected, MessageAccess messages, long storedFirstSeq) {
        if (config.maxAge().isZero() || storedFirstSeq <= expected.firstSeq()
                || storedFirstSeq > expected.lastSeq() + 1 || expected.state().messages() == 0) {
            return;
        }
        long newestGone = storedFirstSeq - 1;
        while (newestGone >= expected.firstSeq() && !expected.holds(newestGone)) {
            newestGone--;
        }
        if (newestGone < expected.firstSeq()) {
            return;
        }
        // Timestamps never go down along the sequence, so this removes exactly the messages below storedFirstSeq
        // (and any sharing the last one's timestamp, as the server's own expiry would).
        StoredMessage gone = messages.read(newestGone);
        if (gone != null) {
            expected.expire(gone.timestampNanos() + config.maxAge().toNanos());
        }
    }

    private void totals(StreamState want, StreamState have, int storedSubjectCount) {
        check("stream totals", "messages", want.messages(), have.messages());
        check("stream totals", "bytes", want.bytes(), have.bytes());
        check("stream totals", "first sequence", want.firstSeq(), have.firstSeq());
        check("stream totals", "last sequence", want.lastSeq(), have.lastSeq());
        check("stream totals", "deleted (tombstones)", want.numDeleted(), have.numDeleted());
        checkTime("first message time", want.firstTimestampNanos(), have.firstTimestampNanos());
        checkTime("last message time", want.lastTimestampNanos(), have.lastTimestampNanos());
        check("stream totals", "subjects", want.numSubjects(), (long) storedSubjectCount);
    }

    private void check(String kind, String what, long expected, long found) {
        if (expected != found) {
            findings.index(kind, what, expected, found);
        }
    }

    private void checkTime(String what, long expectedNanos, long foundNanos) {
        if (expectedNanos != foundNanos) {
            findings.index("stream totals", what, time(expectedNanos), time(foundNanos));
        }
    }

    private static String time(long epochNanos) {
        return epochNanos == 0 ? "none" : Instant.ofEpochSecond(0, epochNanos).toString();
    }

    private void sequences(StreamContents expected, SequenceIndex expectedSequences, SequenceIndex storedSequences,
            Tombstones storedTombstones, StreamLog log) {
        int storedTombstonesInRange = 0;
        if (expected.state().messages() == 0) {
            check("tombstones", "tombstones", 0, storedTombstones.size());
            return;
        }
        for (long seq = expected.firstSeq(); seq <= expected.lastSeq(); seq++) {
            boolean deleted = expected.tombstones().contains(seq);
            if (storedTombstones.contains(seq)) {
                storedTombstonesInRange++;
            }
            if (deleted != storedTombstones.contains(seq)) {
                findings.index("tombstones", "tombstone of seq " + seq, deleted ? "deleted" : "not deleted",
                        storedTombstones.contains(seq) ? "deleted" : "not deleted");
            }
            if (!deleted) {
                long want = expectedSequences.logIndexOf(seq);
                long have = storedSequences.logIndexOf(seq);
                if (want != have) {
                    findings.index("sequence index", "log position of seq " + seq, LogScan.position(log, want),
                            have < 0 ? "none" : LogScan.position(log, have));
                }
            }
        }
        if (storedTombstones.size() > storedTombstonesInRange) {
            findings.index("tombstones", "tombstones outside seq " + expected.firstSeq() + ".." + expected.lastSeq(),
                    0, storedTombstones.size() - storedTombstonesInRange);
        }
    }

    private void subjects(SubjectTable expected, SubjectTable stored) {
        TreeSet<String> all = new TreeSet<>(expected.counts(null).keySet());
        all.addAll(stored.counts(null).keySet());
        for (String subject : all) {
            SubjectTable.Entry want = expected.get(subject);
            SubjectTable.Entry have = stored.get(subject);
            if (want == null || have == null || want.messages() != have.messages() || want.firstSeq() != have.firstSeq()
                    || want.lastSeq() != have.lastSeq()) {
                findings.index("subject index", "subject \"" + subject + "\"", describe(want), describe(have));
            }
        }
    }

    private void dedupe(Map<String, DedupeWindow.Entry> expectedIds, DedupeWindow stored) {
        if (!stored.enabled()) {
            check("de-duplication window", "message ids kept without a duplicate window", 0, stored.size());
            return;
        }
        long window = config.duplicateWindow().toNanos();
        Instant now = options.clock().instant();
        long nowNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        int matched = 0;
        for (Map.Entry<String, DedupeWindow.Entry> e : expectedIds.entrySet()) {
            DedupeWindow.Entry want = e.getValue();
            DedupeWindow.Entry have = stored.find(e.getKey(), want.timestampNanos());
            if (have != null) {
                matched++;
                if (have.seq() != want.seq() || have.timestampNanos() != want.timestampNanos()) {
                    findings.index("de-duplication window", "message id \"" + e.getKey() + "\"", "seq " + want.seq(),
                            "seq " + have.seq());
                }
            } else if (want.timestampNanos() > nowNanos - window) {
                // Still inside the window now, so the server cannot have let it expire: a duplicate would pass.
                findings.index("de-duplication window", "message id \"" + e.getKey() + "\"", "seq " + want.seq(), "missing");
            }
        }
        if (stored.size() > matched) {
            findings.index("de-duplication window", "message ids that no message of the log carries", 0, stored.size() - matched);
        }
    }

    private static String describe(SubjectTable.Entry entry) {
        return entry == null ? "absent"
                : entry.messages() + " msgs, seq " + entry.firstSeq() + ".." + entry.lastSeq();
    }

    private static String describe(StreamState s) {
        return s.messages() + " msgs, seq " + s.firstSeq() + ".." + s.lastSeq();
    }

    static StreamState state(StreamStateRecord r) {
        return new StreamState(r.getMessages(), r.getBytes(), r.getFirstSeq(), r.getLastSeq(),
                r.getFirstTimestampNanos(), r.getLastTimestampNanos(), r.getNumDeleted(), 0);
    }

    private static StreamState empty() {
        return new StreamState(0, 0, 1, 0, 0, 0, 0, 0);
    }
}
