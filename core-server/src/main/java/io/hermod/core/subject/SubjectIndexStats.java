package io.hermod.core.subject;

/**
 * A snapshot of a {@link SubjectIndex}'s counters, as nats-server's sublist reports them on {@code /subsz}.
 *
 * @param subscriptions how many subscriptions the index holds
 * @param cacheEntries how many published subjects have a cached match
 * @param inserts subscriptions added since the index was created
 * @param removes subscriptions removed since the index was created
 * @param matches {@link SubjectIndex#match} calls, cached or not
 * @param cacheHits the matches answered from the cache
 * @param maxFanout the most receivers (plain subscriptions plus queue groups) of one cached match
 * @param averageFanout receivers per cached match, averaged over the cache; 0 when the cache is empty
 */
public record SubjectIndexStats(int subscriptions, int cacheEntries, long inserts, long removes, long matches,
                                long cacheHits, int maxFanout, double averageFanout) {

    /** The share of matches the cache answered, between 0 and 1. */
    public double cacheHitRate() {
        return matches == 0 ? 0 : (double) cacheHits / matches;
    }
}
