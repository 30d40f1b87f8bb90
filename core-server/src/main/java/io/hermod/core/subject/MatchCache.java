package io.hermod.core.subject;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Recent matches by published subject, bounded like nats-server's sublist cache: past {@code capacity}
 * entries, one caller sweeps it down to half, dropping entries in hash order (effectively at random).
 * A lookup is a plain {@link ConcurrentHashMap#get}: no lock, no allocation. Keeping the entries correct is
 * the index's job (see {@link TrieSubjectIndex}); this class only stores, bounds and invalidates.
 */
final class MatchCache<S> {
    private final ConcurrentHashMap<String, SubjectMatch<S>> entries;
    private final int capacity;
    private final AtomicBoolean sweeping = new AtomicBoolean();

    MatchCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("cache capacity must not be negative: " + capacity);
        }
        this.capacity = capacity;
        this.entries = new ConcurrentHashMap<>(Math.max(16, capacity * 2));
    }

    SubjectMatch<S> get(String subject) {
        return entries.get(subject);
    }

    void put(String subject, SubjectMatch<S> match) {
        if (capacity == 0) {
            return;
        }
        entries.put(subject, match);
        if (entries.size() > capacity && sweeping.compareAndSet(false, true)) {
            try {
                sweep();
            } finally {
                sweeping.set(false);
            }
        }
    }

    /** Drops every entry whose subject the filter matches, because a subscription on it came or went. */
    void invalidate(String filter) {
        if (SubjectValidator.isLiteral(filter)) {
            entries.remove(filter);
        } else {
            entries.keySet().removeIf(subject -> SubjectFilter.matches(filter, subject));
        }
    }

    /** Receivers per cached match (plain subscriptions plus queue groups, as nats-server counts fanout). */
    Fanout fanout() {
        int entriesSeen = 0;
        int max = 0;
        long total = 0;
        for (SubjectMatch<S> match : entries.values()) {
            int receivers = match.plain().size() + match.groups().size();
            entriesSeen++;
            total += receivers;
            max = Math.max(max, receivers);
        }
        return new Fanout(entriesSeen, max, entriesSeen == 0 ? 0 : (double) total / entriesSeen);
    }

    record Fanout(int entries, int max, double average) {
    }

    int size() {
        return entries.size();
    }

    private void sweep() {
        int target = capacity / 2;
        Iterator<String> subjects = entries.keySet().iterator();
        while (entries.size() > target && subjects.hasNext()) {
            subjects.next();
            subjects.remove();
        }
    }
}
