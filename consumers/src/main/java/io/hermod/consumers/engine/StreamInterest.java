package io.hermod.consumers.engine;

import io.hermod.core.subject.SubjectFilter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The filter subjects of every stream's consumers, to answer at publish time whether an interest-retention stream
 * has anyone for a message (nats-server 2.9.10's {@code processJetStreamMsg}: nobody when the stream has no
 * consumer, or only filtered ones none of which matches). Rebuilt on the consumers' worker whenever consumers come,
 * go or change; read on publishers' threads from an immutable snapshot. Thread-safe.
 */
final class StreamInterest {
    /** Stream → its consumers' filter subjects ("" for an unfiltered consumer). */
    private volatile Map<String, List<String>> filters = Map.of();

    /** Takes the consumers' current filters; call on the worker after any consumer was created, changed or deleted. */
    void update(Map<String, ? extends Map<String, ? extends Consumer>> consumers) {
        Map<String, List<String>> next = new HashMap<>();
        consumers.forEach((stream, of) -> {
            List<String> subjects = new ArrayList<>(of.size());
            for (Consumer c : of.values()) {
                subjects.add(c.config().filterSubject());
            }
            if (!subjects.isEmpty()) {
                next.put(stream, List.copyOf(subjects));
            }
        });
        filters = Map.copyOf(next);
    }

    boolean interested(String stream, String subject) {
        List<String> of = filters.get(stream);
        if (of == null) {
            return false;
        }
        for (String filter : of) {
            if (filter.isEmpty() || SubjectFilter.matches(filter, subject)) {
                return true;
            }
        }
        return false;
    }
}
