package io.hermod.core.subject;

import static io.hermod.core.subject.MatchAssertions.assertPlain;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubjectIndexMatchingTest {
    private final SubjectIndex<Sub> index = SubjectIndex.create();

    @Test
    void literalFilterMatchesOnlyTheEqualSubject() {
        Sub sub = new Sub("foo.bar");
        index.add("foo.bar", null, sub);

        assertPlain(index.match("foo.bar"), sub);
        assertPlain(index.match("foo"));
        assertPlain(index.match("foo.bar.baz"));
        assertPlain(index.match("foo.baz"));
    }

    @Test
    void starMatchesExactlyOneToken() {
        Sub sub = new Sub("foo.*");
        index.add("foo.*", null, sub);

        assertPlain(index.match("foo.bar"), sub);
        assertPlain(index.match("foo.x"), sub);
        assertPlain(index.match("foo"));
        assertPlain(index.match("foo.bar.baz"));
    }

    @Test
    void tailMatchesOneOrMoreTrailingTokens() {
        Sub sub = new Sub("foo.>");
        index.add("foo.>", null, sub);

        assertPlain(index.match("foo.bar"), sub);
        assertPlain(index.match("foo.bar.baz.qux"), sub);
        assertPlain(index.match("foo"));
        assertPlain(index.match("bar.foo"));
    }

    @Test
    void mixedWildcardsMatchTogetherAndEachSubscriptionOnce() {
        Sub all = new Sub(">");
        Sub firstStar = new Sub("*.bar.>");
        Sub middleStar = new Sub("foo.*.baz");
        Sub stars = new Sub("*.*.*");
        Sub literal = new Sub("foo.bar.baz");
        Sub other = new Sub("foo.*.qux");
        index.add(">", null, all);
        index.add("*.bar.>", null, firstStar);
        index.add("foo.*.baz", null, middleStar);
        index.add("*.*.*", null, stars);
        index.add("foo.bar.baz", null, literal);
        index.add("foo.*.qux", null, other);

        assertPlain(index.match("foo.bar.baz"), all, firstStar, middleStar, stars, literal);
        assertPlain(index.match("x.bar.y.z"), all, firstStar);
        assertPlain(index.match("a"), all);
    }

    @Test
    void partialWildcardCharactersInsideATokenAreLiteral() {
        Sub sub = new Sub("foo.b*r");
        index.add("foo.b*r", null, sub);

        assertPlain(index.match("foo.b*r"), sub);
        assertPlain(index.match("foo.bar"));
    }

    @Test
    void publishedWildcardTokenIsMatchedAsAPlainTokenLikeNatsServer() {
        Sub star = new Sub("foo.*");
        Sub literal = new Sub("foo.bar");
        index.add("foo.*", null, star);
        index.add("foo.bar", null, literal);

        assertPlain(index.match("foo.*"), star);
    }

    @Test
    void subjectsWithAnEmptyTokenMatchNothing() {
        index.add(">", null, new Sub(">"));

        for (String subject : new String[] {"", ".", "foo..bar", ".foo", "foo."}) {
            SubjectMatch<Sub> match = index.match(subject);
            assertTrue(match.isEmpty(), subject);
            assertSame(SubjectMatch.empty(), match, subject);
        }
    }

    @Test
    void noMatchIsTheSharedEmptyConstant() {
        index.add("foo", null, new Sub("foo"));

        assertSame(SubjectMatch.empty(), index.match("bar"));
        assertSame(SubjectMatch.empty(), index.match("bar"));
    }
}
