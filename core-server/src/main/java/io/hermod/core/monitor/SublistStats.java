package io.hermod.core.monitor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.hermod.core.subject.SubjectIndexStats;

/** The subject index counters, as {@code /subsz} shows them (nats-server's {@code SublistStats}). */
record SublistStats(
        @JsonProperty("num_subscriptions") int numSubscriptions,
        @JsonProperty("num_cache") int numCache,
        @JsonProperty("num_inserts") long numInserts,
        @JsonProperty("num_removes") long numRemoves,
        @JsonProperty("num_matches") long numMatches,
        @JsonProperty("cache_hit_rate") @JsonSerialize(using = GoFloatSerializer.class) double cacheHitRate,
        @JsonProperty("max_fanout") int maxFanout,
        @JsonProperty("avg_fanout") @JsonSerialize(using = GoFloatSerializer.class) double avgFanout) {

    static SublistStats of(SubjectIndexStats s) {
        return new SublistStats(s.subscriptions(), s.cacheEntries(), s.inserts(), s.removes(), s.matches(),
                s.cacheHitRate(), s.maxFanout(), s.averageFanout());
    }
}
