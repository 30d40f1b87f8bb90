package io.hermod.core.subject;

/**
 * The subscriptions of one account, indexed by filter so that a published subject finds its receivers fast.
 *
 * <p>Filters are dot-separated tokens where {@code *} matches exactly one token and {@code >}, as the last
 * token, matches one or more. A subscription may belong to a queue group; in a {@link SubjectMatch}, queue
 * subscriptions are grouped by queue name across all matching filters (as nats-server's sublist does), so a
 * message goes to one member of each group name.
 *
 * <p>Thread-safety: every method may be called from any thread at any time. {@link #match} is the hot path,
 * called concurrently from the event loops for every published message; it returns without locking when the
 * subject's match is cached.
 *
 * @param <S> the subscription type; compared by identity, never by {@code equals}
 */
public interface SubjectIndex<S> {

    /** An index with the default match cache. */
    static <S> SubjectIndex<S> create() {
        return new TrieSubjectIndex<>();
    }

    /** An index that caches the matches of up to {@code cacheCapacity} subjects; 0 disables the cache. */
    static <S> SubjectIndex<S> create(int cacheCapacity) {
        return new TrieSubjectIndex<>(cacheCapacity);
    }

    /**
     * Adds a subscription.
     *
     * @param filter a valid subscribe filter (see {@link SubjectValidator#isValidFilter})
     * @param queue the queue group name, or {@code null} for a plain subscription
     * @throws InvalidSubjectException if the filter is not valid
     * @throws IllegalArgumentException if this very subscription is already added for this filter and queue
     */
    void add(String filter, String queue, S subscription);

    /** Removes a subscription added with the same filter and queue; {@code false} if it was not there. */
    boolean remove(String filter, String queue, S subscription);

    /** The plain subscriptions and queue groups interested in a published subject, never {@code null}. */
    SubjectMatch<S> match(String subject);

    /** How many subscriptions the index holds. */
    int count();

    /** The index's counters, for monitoring; walks the match cache, so not for the hot path. */
    SubjectIndexStats stats();
}
