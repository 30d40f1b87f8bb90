package io.hermod.core.subject;

import static io.hermod.core.subject.MatchAssertions.assertPlain;
import static io.hermod.core.subject.MatchAssertions.groupsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubjectIndexRemoveTest {
    private final SubjectIndex<Sub> index = SubjectIndex.create();

    @Test
    void removedSubscriptionNoLongerMatchesAndOthersStay() {
        Sub gone = new Sub("gone");
        Sub stays = new Sub("stays");
        index.add("foo.*", null, gone);
        index.add("foo.*", null, stays);

        assertTrue(index.remove("foo.*", null, gone));

        assertPlain(index.match("foo.bar"), stays);
        assertEquals(1, index.count());
    }

    @Test
    void removeNeedsTheSameFilterQueueAndObject() {
        Sub sub = new Sub("sub");
        index.add("foo.bar", "q", sub);

        assertFalse(index.remove("foo.bar", null, sub));
        assertFalse(index.remove("foo.bar", "other", sub));
        assertFalse(index.remove("foo.*", "q", sub));
        assertFalse(index.remove("foo", "q", sub));
        assertFalse(index.remove("foo.bar.baz", "q", sub));
        assertFalse(index.remove("foo.bar", "q", new Sub("sub")));
        assertEquals(1, index.count());

        assertTrue(index.remove("foo.bar", "q", sub));
        assertFalse(index.remove("foo.bar", "q", sub));
        assertEquals(0, index.count());
    }

    @Test
    void removingALongFilterKeepsItsPrefixFilter() {
        Sub prefix = new Sub("foo");
        Sub longer = new Sub("foo.bar.baz");
        index.add("foo", null, prefix);
        index.add("foo.bar.baz", null, longer);

        index.remove("foo.bar.baz", null, longer);
        index.add("foo.bar.baz", "q", longer);

        assertPlain(index.match("foo"), prefix);
        assertEquals(Map.of("q", Set.of(longer)), groupsOf(index.match("foo.bar.baz")));
    }

    @Test
    void indexIsEmptyAfterRemovingEverything() {
        String[] filters = {"a", "a.b", "a.*", "a.>", "*.b", ">", "a.b.c"};
        Sub[] subs = new Sub[filters.length];
        for (int i = 0; i < filters.length; i++) {
            subs[i] = new Sub(filters[i]);
            index.add(filters[i], i % 2 == 0 ? null : "q", subs[i]);
        }
        for (int i = 0; i < filters.length; i++) {
            assertTrue(index.remove(filters[i], i % 2 == 0 ? null : "q", subs[i]));
        }

        assertEquals(0, index.count());
        assertTrue(index.match("a.b").isEmpty());
        assertTrue(index.match("a.b.c").isEmpty());
    }

    @Test
    void addingTheSameSubscriptionTwiceIsRejected() {
        Sub sub = new Sub("sub");
        index.add("foo", null, sub);

        assertThrows(IllegalArgumentException.class, () -> index.add("foo", null, sub));
        assertEquals(1, index.count());
    }

    @Test
    void invalidFiltersAreRejected() {
        for (String filter : new String[] {"", "foo..bar", ".foo", "foo.", "foo.>.bar", "> .x", "foo bar"}) {
            assertThrows(InvalidSubjectException.class, () -> index.add(filter, null, new Sub(filter)), filter);
        }
        assertEquals(0, index.count());
    }
}
