package io.hermod.core.subject;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Recent matches by published subject, bounded like nats-server's sublist cache: past {@code capacity}
 * entries, one caller sweeps it down to half, dropping entries in hash order (effectively at random).
 * A lookup is a plain {@link ConcurrentHashMap#get}: no lock, no allocation. Keeping the entries correct is
 * the index's job (see {@link TrieSubjectIndex}); this class only stores, bounds, admits and invalidates.
 *
 * <p>Admission: while there is room every match is stored, as nats-server does. Once the cache is full, a
 * subject is stored only when it was seen recently: one-off subjects (reply inboxes, per-message ack subjects)
 * would otherwise each insert, and every {@code capacity / 2} of them sweep out the subjects that do repeat.
 * The recently seen subjects are one slot per hash in a small array, written without synchronisation: a lost
 * or torn race only delays or hastens one admission, never changes what a cached entry says.
 */
final class MatchCache<S> {
    /** What a cache's keys are, which decides what an added or removed filter makes stale. */
    enum Keys {
        /** Published subjects, each with its own match. */
        SUBJECTS,
        /**
         * Every token of a subject but the last: the match shared by all subjects {@code prefix.<token>}, for
         * prefixes under which no filter has a literal last token (such as a reply inbox under {@code _INBOX.x.*}).
         */
        PREFIXES
    }

    private final ConcurrentHashMap<String, SubjectMatch<S>> entries;
    private final Keys keys;
    private final int capacity;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    /** Subjects refused admission lately, by hash; a plain array (see the class comment). */
    private final String[] recentlySeen;
    /**
     * The hash of each slot's subject, compared first: reading a slot's old string is a cache miss, and with
     * one-off subjects (reply inboxes) it would almost always be a different subject of the same length and prefix.
     */
    private final int[] recentHashes;

    MatchCache(int capacity) {
        this(capacity, Keys.SUBJECTS);
    }

    MatchCache(int capacity, Keys keys) {
        this.keys = keys;
        if (capacity < 0) {
            throw new IllegalArgumentException("cache capacity must not be negative: " + capacity);
        }
        this.capacity = capacity;
        this.entries = new ConcurrentHashMap<>(Math.max(16, capacity * 2));
        this.recentlySeen = new String[capacity == 0 ? 0 : Integer.highestOneBit(Math.max(1, capacity)) * 2];
        this.recentHashes = new int[recentlySeen.length];
    }

    SubjectMatch<S> get(String subject) {
        return entries.get(subject);
    }

    void put(String subject, SubjectMatch<S> match) {
        if (capacity == 0 || (entries.size() >= capacity && !seenBefore(subject))) {
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

    /** Drops every entry whose subject(s) the filter matches, because a subscription on it came or went. */
    void invalidate(String filter) {
        if (entries.isEmpty()) {
            return;
        }
        if (keys == Keys.SUBJECTS) {
            if (SubjectValidator.isLiteral(filter)) {
                entries.remove(filter);
            } else {
                entries.keySet().removeIf(subject -> SubjectFilter.matches(filter, subject));
            }
            return;
        }
        int lastDot = filter.lastIndexOf('.');
        if (SubjectValidator.isLiteral(filter)) {
            if (lastDot > 0) {
                entries.remove(filter.substring(0, lastDot));
            }
            return;
        }
        // A subject prefix.<t> for some token t: the filter's own last token stands for t unless it is a wildcard.
        String last = filter.substring(lastDot + 1);
        String probe = last.equals("*") || last.equals(">") ? "t" : last;
        entries.keySet().removeIf(prefix -> SubjectFilter.matches(filter, prefix + '.' + probe));
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

    /** Whether the subject was refused lately; if not, remembers it (in place of whatever shared its slot). */
    private boolean seenBefore(String subject) {
        int hash = subject.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (recentlySeen.length - 1);
        if (recentHashes[slot] == hash) {
            String seen = recentlySeen[slot];
            if (subject.equals(seen)) {
                recentlySeen[slot] = null;
                return true;
            }
        }
        recentlySeen[slot] = subject;
        recentHashes[slot] = hash;
        return false;
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
