package io.hermod.core.subject;

import static io.hermod.core.subject.MatchAssertions.assertPlain;
import static io.hermod.core.subject.MatchAssertions.groupsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubjectIndexQueueGroupTest {
    private final SubjectIndex<Sub> index = SubjectIndex.create();

    @Test
    void queueSubscriptionsAreGroupedByNameAndNotPlain() {
        Sub a = new Sub("a");
        Sub b = new Sub("b");
        Sub plain = new Sub("plain");
        index.add("orders", "workers", a);
        index.add("orders", "workers", b);
        index.add("orders", null, plain);

        SubjectMatch<Sub> match = index.match("orders");

        assertPlain(match, plain);
        assertEquals(Map.of("workers", Set.of(a, b)), groupsOf(match));
    }

    @Test
    void sameQueueNameOnDifferentMatchingFiltersIsOneGroupAsInNatsServer() {
        Sub star = new Sub("star");
        Sub literal = new Sub("literal");
        Sub tail = new Sub("tail");
        index.add("foo.*", "q", star);
        index.add("foo.bar", "q", literal);
        index.add("foo.>", "r", tail);

        assertEquals(Map.of("q", Set.of(star, literal), "r", Set.of(tail)), groupsOf(index.match("foo.bar")));
        assertEquals(Map.of("q", Set.of(star), "r", Set.of(tail)), groupsOf(index.match("foo.baz")));
    }

    @Test
    void oneSubscriptionObjectMayBePlainOnOneFilterAndQueuedOnAnother() {
        Sub sub = new Sub("both");
        index.add("foo", null, sub);
        index.add("foo", "q", sub);

        SubjectMatch<Sub> match = index.match("foo");

        assertPlain(match, sub);
        assertEquals(Map.of("q", Set.of(sub)), groupsOf(match));
    }

    @Test
    void pickMemberReachesEveryMemberOfTheGroup() {
        Set<Sub> members = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < 4; i++) {
            Sub sub = new Sub("m" + i);
            members.add(sub);
            index.add("jobs", "q", sub);
        }
        QueueGroup<Sub> group = index.match("jobs").groups().get(0);

        Set<Sub> picked = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < 10_000 && picked.size() < members.size(); i++) {
            Sub chosen = group.pickMember();
            assertTrue(members.contains(chosen));
            picked.add(chosen);
        }
        assertEquals(members, picked);
    }

    @Test
    void groupDisappearsWithItsLastMember() {
        Sub a = new Sub("a");
        index.add("foo", "q", a);
        index.remove("foo", "q", a);

        assertTrue(index.match("foo").isEmpty());
    }
}
