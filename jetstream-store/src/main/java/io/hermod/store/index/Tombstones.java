package io.hermod.store.index;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Sequences removed out of order (between a stream's first and last sequence), with the changes since the last
 * {@link #drainChanges} so they can be persisted. Guarded by the stream's lock.
 */
public final class Tombstones {
    private final NavigableSet<Long> deleted = new TreeSet<>();
    private final List<Long> added = new ArrayList<>();
    private final List<Long> removed = new ArrayList<>();

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
            added.add(seq);
        }
    }

    /** Forgets every tombstone below {@code seq} (the new first sequence). */
    public void removeBelow(long seq) {
        NavigableSet<Long> below = deleted.headSet(seq, false);
        removed.addAll(below);
        below.clear();
    }

    public void clear() {
        removed.addAll(deleted);
        deleted.clear();
    }

    /** Hands the tombstones added and removed since the last call to the sink, and forgets them. */
    public void drainChanges(List<Long> addedOut, List<Long> removedOut) {
        addedOut.addAll(added);
        removedOut.addAll(removed);
        added.clear();
        removed.clear();
    }
}
