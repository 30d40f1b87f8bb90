package io.hermod.core.subject;

import static io.hermod.core.subject.MatchAssertions.assertPlain;
import static io.hermod.core.subject.MatchAssertions.groupsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubjectIndexCacheTest {
    private final TrieSubjectIndex<Sub> index = new TrieSubjectIndex<>(64);

    @Test
    void repeatedMatchIsServedFromTheCache() {
        index.add("foo.*", null, new Sub("foo.*"));

        SubjectMatch<Sub> first = index.match("foo.bar");

        assertSame(first, index.match("foo.bar"));
    }

    @Test
    void literalAddAfterCachedMatchIsSeen() {
        Sub old = new Sub("old");
        index.add("foo.bar", null, old);
        index.match("foo.bar");

        Sub added = new Sub("added");
        index.add("foo.bar", null, added);

        assertPlain(index.match("foo.bar"), old, added);
    }

    @Test
    void wildcardAddAfterCachedMatchesIsSeenByEveryMatchingSubject() {
        index.match("foo.bar");
        index.match("foo.baz.qux");
        index.match("other");

        Sub tail = new Sub("foo.>");
        index.add("foo.>", "q", tail);

        assertEquals(Map.of("q", Set.of(tail)), groupsOf(index.match("foo.bar")));
        assertEquals(Map.of("q", Set.of(tail)), groupsOf(index.match("foo.baz.qux")));
        assertTrue(index.match("other").isEmpty());
    }

    @Test
    void removeAfterCachedMatchIsSeen() {
        Sub star = new Sub("*.bar");
        Sub literal = new Sub("foo.bar");
        index.add("*.bar", null, star);
        index.add("foo.bar", null, literal);
        assertPlain(index.match("foo.bar"), star, literal);

        index.remove("*.bar", null, star);
        assertPlain(index.match("foo.bar"), literal);

        index.remove("foo.bar", null, literal);
        assertTrue(index.match("foo.bar").isEmpty());
    }

    @Test
    void unrelatedAddKeepsTheCachedMatch() {
        index.add("foo", null, new Sub("foo"));
        SubjectMatch<Sub> cached = index.match("foo");

        index.add("bar.*", null, new Sub("bar.*"));

        assertSame(cached, index.match("foo"));
    }

    @Test
    void cacheStaysBoundedAndCorrectPastItsCapacity() {
        Sub all = new Sub(">");
        index.add(">", null, all);
        for (int i = 0; i < 1_000; i++) {
            assertPlain(index.match("subject." + i), all);
            assertTrue(index.cachedSubjects() <= 64, () -> "cache grew to " + index.cachedSubjects());
        }
    }

    @Test
    void oneOffSubjectsDoNotEvictCachedSubjectsOnceTheCacheIsFull() {
        Sub all = new Sub(">");
        index.add(">", null, all);
        // Literal last tokens make each subject's match its own (else one match per prefix would be cached).
        index.add("hot.none", null, new Sub("hot.none"));
        index.add("$JS.ACK.S.C.1.*.2", null, new Sub("$JS.ACK.S.C.1.*.2"));
        Map<String, SubjectMatch<Sub>> hot = new java.util.HashMap<>();
        for (int i = 0; i < 64; i++) {
            hot.put("hot." + i, index.match("hot." + i));
        }
        assertEquals(64, index.cachedSubjects());

        for (int i = 0; i < 10_000; i++) {
            assertPlain(index.match("$JS.ACK.S.C.1." + i + ".1"), all);
        }

        assertEquals(64, index.cachedSubjects());
        hot.forEach((subject, match) -> assertSame(match, index.match(subject), subject));
    }

    @Test
    void subjectSeenAgainIsAdmittedToAFullCache() {
        Sub all = new Sub(">");
        index.add(">", null, all);
        for (int i = 0; i < 64; i++) {
            index.match("filler." + i);
        }

        index.match("later");
        SubjectMatch<Sub> second = index.match("later");

        assertSame(second, index.match("later"));
        assertTrue(index.cachedSubjects() <= 64, () -> "cache grew to " + index.cachedSubjects());
    }

    @Test
    void subjectAdmittedToAFullCacheFollowsLaterAdds() {
        for (int i = 0; i < 64; i++) {
            index.match("filler." + i);
        }
        index.match("later");
        index.match("later");

        Sub added = new Sub("later");
        index.add("later", null, added);

        assertPlain(index.match("later"), added);
    }

    @Test
    void disabledCacheStillMatches() {
        TrieSubjectIndex<Sub> uncached = new TrieSubjectIndex<>(0);
        Sub sub = new Sub("a.*");
        uncached.add("a.*", null, sub);

        assertPlain(uncached.match("a.b"), sub);
        assertEquals(0, uncached.cachedSubjects());
    }
}
