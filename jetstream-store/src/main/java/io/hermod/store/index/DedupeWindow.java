package io.hermod.store.index;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Message ids stored within the stream's duplicate window, oldest first, with the changes since the last
 * {@link #drainChanges} so they can be persisted. Ids outlive the removal of their messages, as in NATS.
 * Guarded by the stream's lock.
 */
public final class DedupeWindow {

    /** Where and when a message id was stored. */
    public record Entry(long seq, long timestampNanos) {
    }

    private final long windowNanos;
    private final LinkedHashMap<String, Entry> ids = new LinkedHashMap<>();
    private final Map<String, Entry> added = new LinkedHashMap<>();
    private final List<String> removed = new ArrayList<>();

    /** @param windowNanos how long an id is remembered; 0: never */
    public DedupeWindow(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    public boolean enabled() {
        return windowNanos > 0;
    }

    /** The entry of an id still inside the window at {@code nowNanos}, or {@code null}. */
    public Entry find(String msgId, long nowNanos) {
        Entry entry = ids.get(msgId);
        return entry != null && entry.timestampNanos() > nowNanos - windowNanos ? entry : null;
    }

    /** Restores a persisted id without recording a change. */
    public void load(String msgId, Entry entry) {
        ids.put(msgId, entry);
    }

    public void stored(String msgId, long seq, long timestampNanos) {
        if (!enabled() || msgId.isEmpty()) {
            return;
        }
        Entry entry = new Entry(seq, timestampNanos);
        ids.remove(msgId);
        ids.put(msgId, entry);
        added.put(msgId, entry);
    }

    /** Forgets the ids stored at or before {@code nowNanos - window}. */
    public void expire(long nowNanos) {
        if (!enabled()) {
            return;
        }
        long cutoff = nowNanos - windowNanos;
        Iterator<Map.Entry<String, Entry>> it = ids.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Entry> e = it.next();
            if (e.getValue().timestampNanos() > cutoff) {
                return;
            }
            it.remove();
            added.remove(e.getKey());
            removed.add(e.getKey());
        }
    }

    public int size() {
        return ids.size();
    }

    public void drainChanges(Map<String, Entry> addedOut, List<String> removedOut) {
        removedOut.addAll(removed);
        addedOut.putAll(added);
        added.clear();
        removed.clear();
    }
}
