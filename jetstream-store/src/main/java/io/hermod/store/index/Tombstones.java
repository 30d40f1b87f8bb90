package io.hermod.store.index;

import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sequences removed out of order (between a stream's first and last sequence), with the changes since the last
 * {@link #drainChanges} so they can be persisted. Guarded by the stream's lock.
 */
public final class Tombstones {
    private final NavigableSet<Long> deleted = new TreeSet<>();
    /**
     * Per sequence changed since the last drain, whether it is now a tombstone: only the net change, since one
     * drain may span a tombstone's addition and its removal (several writes, or a replayed log tail, committed
     * at once), and reporting both would let the persisted addition outlive the removal.
     */
    private final Map<Long, Boolean> changed = new TreeMap<>();

    public boolean contains(long seq) {
        return deleted.contains(seq);
    }

    public int size() {
        return deleted.size();
    }

    /** Restores a persisted tombstone without recording a change. */
    public void load(long seq) {
        deleted.add(seq);
    }

    public void add(long seq) {
        if (deleted.add(seq)) {
            changed.put(seq, Boolean.TRUE);
        }
    }

    /** Forgets every tombstone below {@code seq} (the new first sequence). */
    public void removeBelow(long seq) {
        NavigableSet<Long> below = deleted.headSet(seq, false);
        below.forEach(s -> changed.put(s, Boolean.FALSE));
        below.clear();
    }

    public void clear() {
        deleted.forEach(s -> changed.put(s, Boolean.FALSE));
        deleted.clear();
    }

    /**
     * Hands the tombstones added and removed since the last call to the sinks (each sequence to one of them, by
     * its state now), and forgets them.
     */
    public void drainChanges(List<Long> addedOut, List<Long> removedOut) {
        changed.forEach((seq, present) -> (present ? addedOut : removedOut).add(seq));
        changed.clear();
    }
}
