package io.hermod.store.file;

import io.hermod.store.log.LogRecordCodec;
import io.hermod.store.log.StreamLog;
import io.hermod.store.proto.LogRecord;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;

/**
 * One pass over a stream's log for {@link StreamStoreInspector}: feeds {@link StreamLoader}'s replay up to the
 * position the indexes reflect, counts what lies after it, and finds torn records, telling those a recovery
 * already sealed with a marker (settled) from those it has not (inconsistent). Reads only.
 */
final class LogScan {

    private final StreamLog log;
    private final StreamLoader replay;
    private final long appliedIndex;
    private final LongAdder progress;
    private final Findings findings;
    private final TreeSet<Long> tornUnsealed = new TreeSet<>();
    private long documents;
    private long voidedBySealedRecovery;
    private long afterTorn;
    private long unapplied;
    private long tailLastSeq;
    private long lastIndex = -1;
    private String replayFailure;

    LogScan(StreamLog log, StreamLoader replay, long appliedIndex, LongAdder progress, Findings findings) {
        this.log = log;
        this.replay = replay;
        this.appliedIndex = appliedIndex;
        this.progress = progress;
        this.findings = findings;
    }

    long documents() {
        return documents;
    }

    long voidedBySealedRecovery() {
        return voidedBySealedRecovery;
    }

    long unapplied() {
        return unapplied;
    }

    long tailLastSeq() {
        return tailLastSeq;
    }

    boolean replayFailed() {
        return replayFailure != null;
    }

    void run() {
        log.scanAfter(-1, document -> {
            progress.increment();
            documents++;
            lastIndex = document.index();
            LogRecord record = LogRecordCodec.decode(document.bytes());
            if (record == null) {
                tornUnsealed.add(document.index());
            } else if (record.hasResume() && !tornUnsealed.isEmpty()) {
                // A recovery sealed the torn stretch: what it dropped is settled, not an inconsistency.
                voidedBySealedRecovery += tornUnsealed.size() + afterTorn;
                tornUnsealed.clear();
                afterTorn = 0;
            } else if (!tornUnsealed.isEmpty()) {
                afterTorn++;
            }
            if (document.index() > appliedIndex) {
                unapplied++;
                if (record != null && tornUnsealed.isEmpty()) {
                    if (record.hasMessage()) {
                        tailLastSeq = Math.max(tailLastSeq, record.getMessage().getSeq());
                    } else if (record.hasSkip()) { // a skipped sequence moves the last sequence too
                        tailLastSeq = Math.max(tailLastSeq, record.getSkip().getSeq());
                    }
                }
            } else if (replayFailure == null) {
                try {
                    replay.apply(document);
                } catch (RuntimeException e) {
                    replayFailure = e.getMessage();
                    findings.index("log replay", "replay of the log at " + position(log, document.index()),
                            "a record that applies", e.getMessage());
                }
            }
            return true;
        });
        if (appliedIndex != Long.MAX_VALUE && appliedIndex > lastIndex) {
            findings.index("log", "position the indexes reflect",
                    lastIndex < 0 ? "an empty log" : "at most " + position(log, lastIndex),
                    position(log, appliedIndex) + " (past the end of the log)");
        }
        if (!tornUnsealed.isEmpty()) {
            long first = tornUnsealed.first();
            long after = tornUnsealed.size() - 1 + afterTorn;
            findings.index("torn records", "torn record at " + position(log, first), "an intact record (CRC32C)",
                    "unreadable" + (after == 0 ? "" : ", and the " + after + " document(s) after it void")
                            + ", not yet sealed by a recovery marker (--repair drops it as the server would)");
        }
    }

    /** A log index as a person finds it in the cycle files: cycle and position in it. */
    static String position(StreamLog log, long index) {
        if (index < 0) {
            return "none";
        }
        long mask = log.rollCycle().toIndex(1, 0) - 1;
        return "cycle " + log.cycleOf(index) + " #" + (index & mask);
    }
}
