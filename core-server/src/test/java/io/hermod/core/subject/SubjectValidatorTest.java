package io.hermod.core.subject;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Cases observed against nats-server 2.9.10 over a raw socket. */
class SubjectValidatorTest {

    @Test
    void filtersNatsServerAcceptsAreValid() {
        for (String filter : new String[] {"foo", "foo.bar", "foo.*", "*", ">", "foo.>", "*.*.>", "foo.b*r", "foo.>x",
                "foo.x>", "$JS.API.>", "_INBOX.abc123"}) {
            assertTrue(SubjectValidator.isValidFilter(filter), filter);
        }
    }

    @Test
    void filtersNatsServerAnswersInvalidSubjectAreInvalid() {
        for (String filter : new String[] {"", ".", "foo..bar", ".foo", "foo.", "foo.>.bar", ">.foo", "> .x",
                "foo bar", "foo\tbar", "foo.\r", "foo\n"}) {
            assertFalse(SubjectValidator.isValidFilter(filter), filter);
        }
    }

    @Test
    void pedanticPublishSubjectMustBeLiteralWithNonEmptyTokens() {
        for (String subject : new String[] {"foo", "foo.bar", "foo.b*r", "foo.>x", "a.b.c.d"}) {
            assertTrue(SubjectValidator.isValidPublishSubject(subject), subject);
        }
        for (String subject : new String[] {"", "foo.*", "foo.>", "*", ">", "foo..bar", ".foo", "foo."}) {
            assertFalse(SubjectValidator.isValidPublishSubject(subject), subject);
        }
    }

    @Test
    void literalMeansNoWholeTokenWildcard() {
        assertTrue(SubjectValidator.isLiteral("foo.bar"));
        assertTrue(SubjectValidator.isLiteral("foo.b*r.>x"));
        assertFalse(SubjectValidator.isLiteral("foo.*"));
        assertFalse(SubjectValidator.isLiteral(">"));
        assertFalse(SubjectValidator.isLiteral("*.foo"));
    }

    @Test
    void queueNamesNeedOnlyBeNonEmptyWithoutWhitespace() {
        for (String queue : new String[] {"q", "workers", "q.x", "q*", "q>"}) {
            assertTrue(SubjectValidator.isValidQueueName(queue), queue);
        }
        for (String queue : new String[] {"", "a b", "a\tb"}) {
            assertFalse(SubjectValidator.isValidQueueName(queue), queue);
        }
    }
}
