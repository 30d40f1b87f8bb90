package io.hermod.core.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Compares matches as identity sets, since the index promises no order. */
final class MatchAssertions {
    private MatchAssertions() {
    }

    static Set<Sub> identitySet(List<Sub> subs) {
        Set<Sub> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(subs);
        assertEquals(subs.size(), set.size(), "a subscription appears twice in " + subs);
        return set;
    }

    static void assertPlain(SubjectMatch<Sub> match, Sub... expected) {
        assertEquals(identitySet(List.of(expected)), identitySet(match.plain()), match.toString());
    }

    static Map<String, Set<Sub>> groupsOf(SubjectMatch<Sub> match) {
        Map<String, Set<Sub>> groups = new TreeMap<>();
        for (QueueGroup<Sub> group : match.groups()) {
            Set<Sub> previous = groups.put(group.name(), identitySet(group.members()));
            assertEquals(null, previous, "queue group listed twice: " + group.name());
        }
        return groups;
    }
}
