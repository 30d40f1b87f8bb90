package io.hermod.core.monitor;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How often each monitoring path was asked for: {@code http_req_stats} in {@code /varz}. Thread-safe. */
final class RequestCounts {
    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String path) {
        counts.computeIfAbsent(path, p -> new LongAdder()).increment();
    }

    /** Sorted by path, as Go's JSON encoder writes map keys. */
    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((path, n) -> out.put(path, n.sum()));
        return out;
    }
}
