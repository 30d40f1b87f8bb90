package io.hermod.core.subject;

import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * {@link SubjectIndex} as a trie of tokens (nats-server's sublist) with a match cache in front.
 *
 * <p>Cache correctness: a cache miss walks the trie and stores its result while holding the read lock, and
 * add/remove change the trie and drop the cached subjects their filter matches while holding the write lock,
 * so no writer can slip between a reader's walk and its cache store: a cached match is never older than the
 * last completed add or remove (a generation check would only be needed if the walk ran without that lock).
 * Cache hits take no lock; one that races a writer sees the match from just before that write, which is a
 * valid order for operations that overlap. A second cache holds the matches that do not depend on the subject's
 * last token (no literal filter token at that position on any path the walk took), by the subject's other
 * tokens, so that one-off reply subjects under a wildcard subscription are matched without a walk; it is kept
 * correct the same way.
 */
final class TrieSubjectIndex<S> implements SubjectIndex<S> {
    static final int DEFAULT_CACHE_CAPACITY = 1024;
    /** Few prefixes recur (one per requesting client's reply inbox), so a small share of the capacity is enough. */
    private static final int PREFIX_CACHE_SHARE = 4;

    private final TrieLevel<S> root = new TrieLevel<>();
    private final MatchCache<S> cache;
    /** Matches of subjects that differ only in their last token (see {@link MatchCache.Keys#PREFIXES}). */
    private final MatchCache<S> prefixes;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile int count;
    // Monitoring counters: inserts and removes change under the write lock; misses are the slow path; a cache
    // hit costs one uncontended LongAdder increment.
    private volatile long inserts;
    private volatile long removes;
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder cacheMisses = new LongAdder();

    TrieSubjectIndex() {
        this(DEFAULT_CACHE_CAPACITY);
    }

    /** @param cacheCapacity how many subjects' matches to keep; 0 disables the cache */
    TrieSubjectIndex(int cacheCapacity) {
        this.cache = new MatchCache<>(cacheCapacity);
        this.prefixes = new MatchCache<>(cacheCapacity / PREFIX_CACHE_SHARE, MatchCache.Keys.PREFIXES);
    }

    @Override
    public void add(String filter, String queue, S subscription) {
        checkArguments(filter, queue, subscription);
        lock.writeLock().lock();
        try {
            TrieNode<S> node = nodeFor(filter);
            if (!node.add(queue, subscription)) {
                throw new IllegalArgumentException(
                        "subscription already added on '" + filter + "' queue " + queue + ": " + subscription);
            }
            count++;
            inserts++;
            cache.invalidate(filter);
            prefixes.invalidate(filter);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public boolean remove(String filter, String queue, S subscription) {
        checkArguments(filter, queue, subscription);
        lock.writeLock().lock();
        try {
            if (!TriePaths.remove(root, filter, 0, queue, subscription)) {
                return false;
            }
            count--;
            removes++;
            cache.invalidate(filter);
            prefixes.invalidate(filter);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public SubjectMatch<S> match(String subject) {
        SubjectMatch<S> cached = cache.get(subject);
        if (cached != null) {
            cacheHits.increment();
            return cached;
        }
        // One-off subjects such as reply inboxes (_INBOX.<id>.<n>) never repeat, but their prefix does.
        int lastDot = subject.lastIndexOf('.');
        String prefix = lastDot > 0 && lastDot < subject.length() - 1 ? subject.substring(0, lastDot) : null;
        if (prefix != null) {
            SubjectMatch<S> shared = prefixes.get(prefix);
            if (shared != null) {
                cacheHits.increment();
                return shared;
            }
        }
        cacheMisses.increment();
        if (hasEmptyToken(subject)) {
            return SubjectMatch.empty();
        }
        ReentrantReadWriteLock.ReadLock readLock = lock.readLock();
        readLock.lock();
        try {
            MatchCollector<S> collector = new MatchCollector<>();
            collect(root, subject, 0, collector);
            SubjectMatch<S> match = collector.toMatch();
            if (prefix != null && !collector.lastTokenLookedUp()) {
                prefixes.put(prefix, match);
            } else {
                cache.put(subject, match);
            }
            return match;
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public SubjectIndexStats stats() {
        long hits = cacheHits.sum();
        MatchCache.Fanout fanout = cache.fanout();
        return new SubjectIndexStats(count, fanout.entries(), inserts, removes, hits + cacheMisses.sum(), hits,
                fanout.max(), fanout.average());
    }

    int cachedSubjects() {
        return cache.size();
    }

    /**
     * Visits the nodes whose filter matches the subject's tokens from {@code start} on. Each node is one
     * filter and a literal subject matches a filter in only one way, so no subscription is reached twice.
     */
    private static <S> void collect(TrieLevel<S> level, String subject, int start, MatchCollector<S> out) {
        int length = subject.length();
        while (true) {
            int dot = subject.indexOf('.', start);
            int end = dot < 0 ? length : dot;
            if (level.tail != null) {
                out.addNode(level.tail);
            }
            TrieNode<S> star = level.star;
            TrieNode<S> literal = level.literals.get(subject, start, end);
            if (end == length) {
                if (level.literals.size() != 0) {
                    out.markLastTokenLookedUp();
                }
                if (literal != null) {
                    out.addNode(literal);
                }
                if (star != null) {
                    out.addNode(star);
                }
                return;
            }
            if (star != null && star.next != null) {
                collect(star.next, subject, end + 1, out);
            }
            if (literal == null || literal.next == null) {
                return;
            }
            level = literal.next;
            start = end + 1;
        }
    }

    /** Creates the path of the filter as needed; the write lock is held. */
    private TrieNode<S> nodeFor(String filter) {
        TrieLevel<S> level = root;
        TrieNode<S> node = null;
        int start = 0;
        int length = filter.length();
        while (start <= length) {
            int dot = filter.indexOf('.', start);
            int end = dot < 0 ? length : dot;
            if (node != null) {
                if (node.next == null) {
                    node.next = new TrieLevel<>();
                }
                level = node.next;
            }
            node = TriePaths.childOrCreate(level, filter, start, end);
            start = end + 1;
        }
        return node;
    }

    private static void checkArguments(String filter, String queue, Object subscription) {
        if (subscription == null) {
            throw new NullPointerException("subscription");
        }
        if (!SubjectValidator.isValidFilter(filter)) {
            throw new InvalidSubjectException(filter);
        }
        if (queue != null && !SubjectValidator.isValidQueueName(queue)) {
            throw new IllegalArgumentException("invalid queue name: '" + queue + "'");
        }
    }

    /** Subjects with an empty token match nothing and are not cached (as in nats-server). */
    private static boolean hasEmptyToken(String subject) {
        int length = subject.length();
        return length == 0
                || subject.charAt(0) == '.'
                || subject.charAt(length - 1) == '.'
                || subject.indexOf("..") >= 0;
    }
}
