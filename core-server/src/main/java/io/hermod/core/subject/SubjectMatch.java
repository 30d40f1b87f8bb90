package io.hermod.core.subject;

import java.util.List;

/**
 * What a published subject matched: every plain subscription once, and each queue group (by queue name) with
 * its members. Immutable and shared: the same instance is handed to every thread that matches the subject
 * while it is cached, so callers must not try to modify it.
 *
 * @param <S> the subscription type
 */
public final class SubjectMatch<S> {
    private static final SubjectMatch<Object> EMPTY = new SubjectMatch<>(List.of(), List.of());

    private final List<S> plain;
    private final List<QueueGroup<S>> groups;

    SubjectMatch(List<S> plain, List<QueueGroup<S>> groups) {
        this.plain = plain;
        this.groups = groups;
    }

    /** The shared match of nothing. */
    @SuppressWarnings("unchecked")
    public static <S> SubjectMatch<S> empty() {
        return (SubjectMatch<S>) EMPTY;
    }

    /** Plain (non-queue) subscriptions, each once; unmodifiable, in no particular order. */
    public List<S> plain() {
        return plain;
    }

    /** Queue groups, one per queue name, each with at least one member; unmodifiable. */
    public List<QueueGroup<S>> groups() {
        return groups;
    }

    public boolean isEmpty() {
        return plain.isEmpty() && groups.isEmpty();
    }

    @Override
    public String toString() {
        return "SubjectMatch{plain=" + plain + ", groups=" + groups + '}';
    }
}
