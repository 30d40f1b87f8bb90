package io.hermod.store.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubjectOverlapTest {
    @Test
    void filtersCollideWhenSomeSubjectMatchesBoth() {
        assertTrue(SubjectOverlap.collide("a.*", "a.b"));
        assertTrue(SubjectOverlap.collide("a.*.c", "a.b.*"));
        assertTrue(SubjectOverlap.collide(">", "a.b"));
        assertTrue(SubjectOverlap.collide("a.>", "a.b.c"));
        assertTrue(SubjectOverlap.collide("*.b", "a.*"));
    }

    @Test
    void filtersDoNotCollideOtherwise() {
        assertFalse(SubjectOverlap.collide("a.*", "a.b.c"));
        assertFalse(SubjectOverlap.collide("a.>", "a"));
        assertFalse(SubjectOverlap.collide("a.b", "a.c"));
        assertFalse(SubjectOverlap.collide("a.*.c", "a.b.d"));
    }

    @Test
    void subsetMatchMeansEverySubjectIsAlsoMatchedByTheOther() {
        assertTrue(SubjectOverlap.isSubsetMatch("$JS.API.INFO", "$JS.API.>"));
        assertTrue(SubjectOverlap.isSubsetMatch("$JS.API.*", "$JS.API.>"));
        assertTrue(SubjectOverlap.isSubsetMatch("a.b", "a.*"));
        assertFalse(SubjectOverlap.isSubsetMatch("$JS.>", "$JS.API.>"));
        assertFalse(SubjectOverlap.isSubsetMatch("*.API.>", "$JS.API.>"));
        assertFalse(SubjectOverlap.isSubsetMatch("a.>", "a.*"));
    }
}
