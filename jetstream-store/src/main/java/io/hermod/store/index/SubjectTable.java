package io.hermod.store.index;

import io.hermod.core.subject.SubjectFilter;
import io.hermod.core.subject.SubjectValidator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Per subject: how many messages the stream holds, and the first and last of their sequences; with the subjects
 * changed since the last {@link #drainDirty}. Guarded by the stream's lock.
 */
public final class SubjectTable {

    /** Mutable entry; {@code firstSeq} and {@code lastSeq} are stored messages of the subject. */
    public static final class Entry {
        long messages;
        long firstSeq;
        long lastSeq;

        public Entry(long messages, long firstSeq, long lastSeq) {
            this.messages = messages;
            this.firstSeq = firstSeq;
            this.lastSeq = lastSeq;
        }

        public long messages() {
            return messages;
        }

        public long firstSeq() {
            return firstSeq;
        }

        public long lastSeq() {
            return lastSeq;
        }
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final Set<String> dirty = new HashSet<>();

    public Entry get(String subject) {
        return entries.get(subject);
    }

    public int size() {
        return entries.size();
    }

    /** Restores a persisted entry without recording a change. */
    public void load(String subject, Entry entry) {
        entries.put(subject, entry);
    }

    public Entry added(String subject, long seq) {
        Entry entry = entries.get(subject);
        if (entry == null) {
            entry = new Entry(0, seq, seq);
            entries.put(subject, entry);
        }
        entry.messages++;
        entry.lastSeq = seq;
        dirty.add(subject);
        return entry;
    }

    /** Counts one message of the subject out; returns the entry left, or {@code null} when it was the last. */
    public Entry removed(String subject) {
        Entry entry = entries.get(subject);
        if (entry == null) {
            return null;
        }
        dirty.add(subject);
        if (--entry.messages <= 0) {
            entries.remove(subject);
            return null;
        }
        return entry;
    }

    public void moveFirst(String subject, long seq) {
        entries.get(subject).firstSeq = seq;
        dirty.add(subject);
    }

    public void moveLast(String subject, long seq) {
        entries.get(subject).lastSeq = seq;
        dirty.add(subject);
    }

    public void clear() {
        dirty.addAll(entries.keySet());
        entries.clear();
    }

    /** Counts per subject matching the filter ({@code null}: all), sorted by subject. */
    public Map<String, Long> counts(String filter) {
        Map<String, Long> out = new TreeMap<>();
        if (filter != null && SubjectValidator.isLiteral(filter)) {
            Entry entry = entries.get(filter);
            if (entry != null) {
                out.put(filter, entry.messages);
            }
            return out;
        }
        entries.forEach((subject, entry) -> {
            if (filter == null || SubjectFilter.matches(filter, subject)) {
                out.put(subject, entry.messages);
            }
        });
        return out;
    }

    /** The subjects changed since the last call, each with its entry or {@code null} when it is gone. */
    public Map<String, Entry> drainDirty() {
        Map<String, Entry> out = new LinkedHashMap<>();
        for (String subject : dirty) {
            Entry entry = entries.get(subject);
            out.put(subject, entry == null ? null : new Entry(entry.messages, entry.firstSeq, entry.lastSeq));
        }
        dirty.clear();
        return out;
    }
}
