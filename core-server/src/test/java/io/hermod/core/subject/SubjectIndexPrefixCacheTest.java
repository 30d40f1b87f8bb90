package io.hermod.core.subject;

import static io.hermod.core.subject.MatchAssertions.assertPlain;
import static io.hermod.core.subject.MatchAssertions.groupsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Subjects that differ only in a last token no filter names share one cached match, kept correct on changes. */
class SubjectIndexPrefixCacheTest {
    private final TrieSubjectIndex<Sub> index = new TrieSubjectIndex<>(64);

    @Test
    void replySubjectsUnderAWildcardShareOneMatchWithoutFillingTheSubjectCache() {
        Sub inbox = new Sub("_INBOX.a.*");
        index.add("_INBOX.a.*", null, inbox);

        SubjectMatch<Sub> first = index.match("_INBOX.a.1");

        assertPlain(first, inbox);
        assertSame(first, index.match("_INBOX.a.2"));
        assertEquals(0, index.cachedSubjects());
    }

    @Test
    void literalAddedUnderACachedPrefixIsSeenOnlyByItsSubject() {
        Sub inbox = new Sub("_INBOX.a.*");
        index.add("_INBOX.a.*", null, inbox);
        index.match("_INBOX.a.1");

        Sub seven = new Sub("_INBOX.a.7");
        index.add("_INBOX.a.7", null, seven);

        assertPlain(index.match("_INBOX.a.7"), inbox, seven);
        assertPlain(index.match("_INBOX.a.8"), inbox);
        assertNotSame(index.match("_INBOX.a.7"), index.match("_INBOX.a.8"));
    }

    @Test
    void literalUnderAStarAddedAfterTheMatchIsSeen() {
        Sub inbox = new Sub("_INBOX.a.*");
        index.add("_INBOX.a.*", null, inbox);
        index.match("_INBOX.a.1");

        Sub starred = new Sub("*.a.1");
        index.add("*.a.1", null, starred);

        assertPlain(index.match("_INBOX.a.1"), inbox, starred);
        assertPlain(index.match("_INBOX.a.2"), inbox);
    }

    @Test
    void wildcardsAddedAfterTheMatchAreSeen() {
        Sub inbox = new Sub("_INBOX.a.*");
        index.add("_INBOX.a.*", null, inbox);
        index.match("_INBOX.a.1");

        Sub tail = new Sub("_INBOX.>");
        index.add("_INBOX.>", null, tail);
        assertPlain(index.match("_INBOX.a.2"), inbox, tail);

        Sub stars = new Sub("*.*.*");
        index.add("*.*.*", null, stars);
        assertPlain(index.match("_INBOX.a.3"), inbox, tail, stars);

        Sub queued = new Sub("_INBOX.a.* q");
        index.add("_INBOX.a.*", "q", queued);
        assertEquals(Map.of("q", Set.of(queued)), groupsOf(index.match("_INBOX.a.4")));
    }

    @Test
    void unrelatedFiltersKeepTheSharedMatch() {
        Sub inbox = new Sub("_INBOX.a.*");
        index.add("_INBOX.a.*", null, inbox);
        SubjectMatch<Sub> shared = index.match("_INBOX.a.1");

        index.add("_INBOX.b.*", null, new Sub("_INBOX.b.*"));
        index.add("_INBOX.a", null, new Sub("_INBOX.a"));
        index.add("_INBOX.a.1.x", null, new Sub("_INBOX.a.1.x"));
        index.add("other.>", null, new Sub("other.>"));

        assertSame(shared, index.match("_INBOX.a.5"));
    }

    @Test
    void removalIsSeen() {
        Sub inbox = new Sub("_INBOX.a.*");
        index.add("_INBOX.a.*", null, inbox);
        index.match("_INBOX.a.1");

        index.remove("_INBOX.a.*", null, inbox);

        assertTrue(index.match("_INBOX.a.2").isEmpty());
    }

    @Test
    void subjectEndingInADotMatchesNothingEvenWhenItsPrefixIsCached() {
        Sub tail = new Sub("_INBOX.>");
        index.add("_INBOX.>", null, tail);
        index.match("_INBOX.a.1");

        assertTrue(index.match("_INBOX.a.").isEmpty());
        assertPlain(index.match("_INBOX.a.2"), tail);
    }

    @Test
    void prefixWithoutSubscribersCachesTheEmptyMatchUntilOneComes() {
        assertTrue(index.match("_INBOX.a.1").isEmpty());

        Sub inbox = new Sub("_INBOX.a.*");
        index.add("_INBOX.a.*", null, inbox);

        assertPlain(index.match("_INBOX.a.1"), inbox);
    }
}
