package io.hermod.store.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a stream's inconsistencies, keeping the first few of each kind in full: a broken sequence index can
 * disagree for millions of sequences, and one line per sequence would bury everything else. Not thread-safe.
 */
final class Findings {
    static final int SHOWN_PER_KIND = 10;

    private final String stream;
    private final List<StoreInconsistency> shown = new ArrayList<>();
    private final Map<String, Long> omitted = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    Findings(String stream) {
        this.stream = stream;
    }

    /** Records an index inconsistency of the given kind. */
    void index(String kind, String what, Object expected, Object found) {
        add(kind, StoreInconsistency.index(stream, what, expected, found));
    }

    void add(String kind, StoreInconsistency inconsistency) {
        int seen = counts.merge(kind, 1, Integer::sum);
        if (seen <= SHOWN_PER_KIND) {
            shown.add(inconsistency);
        } else {
            omitted.merge(kind, 1L, Long::sum);
        }
    }

    /** Whether something of this kind was already found. */
    boolean has(String kind) {
        return counts.containsKey(kind);
    }

    /** Everything found; kinds over the limit end with one line that says how many more there were. */
    List<StoreInconsistency> all() {
        List<StoreInconsistency> out = new ArrayList<>(shown);
        omitted.forEach((kind, more) -> out.add(StoreInconsistency.index(stream,
                "further " + kind + " disagreements (not shown)", 0, more)));
        return out;
    }
}
