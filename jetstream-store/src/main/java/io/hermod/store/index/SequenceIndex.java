package io.hermod.store.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The sparse map from stream sequence to log index: one run per stretch of consecutive sequences stored at
 * consecutive log indexes of one cycle, so a lookup is a floor search plus an addition. A run ends where a
 * cycle rolls or a non-message document (tombstone, purge, marker) takes an index. Guarded by the stream's lock.
 */
public final class SequenceIndex {
    private final NavigableMap<Long, Long> runs = new TreeMap<>();
    private final List<Map.Entry<Long, Long>> addedRuns = new ArrayList<>();
    private final List<Long> removedRuns = new ArrayList<>();
    private final int cycleShift;
    private long lastSeq = -1;
    private long lastIndex = -1;

    /** @param cycleShift bits of a log index below its cycle number (from the roll cycle) */
    public SequenceIndex(int cycleShift) {
        this.cycleShift = cycleShift;
    }

    /** Restores a persisted run without recording a change. */
    public void load(long firstSeq, long firstLogIndex) {
        runs.put(firstSeq, firstLogIndex);
    }

    /** Records that {@code seq} was written at {@code logIndex}. Sequences arrive in increasing order. */
    public void stored(long seq, long logIndex) {
        Map.Entry<Long, Long> last = runs.lastEntry();
        boolean continues = last != null && lastSeq == seq - 1 && lastIndex == logIndex - 1
                && (lastIndex >>> cycleShift) == (logIndex >>> cycleShift);
        if (!continues && last != null && lastSeq < 0) {
            // After a reload: derive the last stored position from the last run.
            continues = last.getValue() + (seq - last.getKey()) == logIndex
                    && (last.getValue() >>> cycleShift) == (logIndex >>> cycleShift);
        }
        if (!continues) {
            runs.put(seq, logIndex);
            addedRuns.add(Map.entry(seq, logIndex));
        }
        lastSeq = seq;
        lastIndex = logIndex;
    }

    /** The log index of {@code seq}, or {@code -1} when no run covers it. */
    public long logIndexOf(long seq) {
        Map.Entry<Long, Long> run = runs.floorEntry(seq);
        return run == null ? -1 : run.getValue() + (seq - run.getKey());
    }

    /** Drops the runs that end below {@code firstSeq}. */
    public void removeBelow(long firstSeq) {
        Long keep = runs.floorKey(firstSeq);
        if (keep == null) {
            return;
        }
        NavigableMap<Long, Long> below = runs.headMap(keep, false);
        removedRuns.addAll(below.keySet());
        below.clear();
    }

    /** The log index of the first run's start, or {@code -1}. */
    public long firstLogIndex() {
        return runs.isEmpty() ? -1 : runs.firstEntry().getValue();
    }

    public void drainChanges(List<Map.Entry<Long, Long>> added, List<Long> removed) {
        added.addAll(addedRuns);
        removed.addAll(removedRuns);
        addedRuns.clear();
        removedRuns.clear();
    }
}
