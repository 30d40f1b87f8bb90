package io.hermod.core.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SubjectFilterTest {

    @Test
    void matchesAgreeWithTokenRules() {
        Object[][] cases = {
            {"foo", "foo", true}, {"foo", "bar", false}, {"foo", "foo.bar", false},
            {"foo.*", "foo.bar", true}, {"foo.*", "foo", false}, {"foo.*", "foo.bar.baz", false},
            {"foo.>", "foo.bar", true}, {"foo.>", "foo.bar.baz", true}, {"foo.>", "foo", false},
            {">", "foo", true}, {"*", "foo", true}, {"*", "foo.bar", false},
            {"*.bar.>", "x.bar.y", true}, {"*.bar.>", "x.bar", false},
            {"foo.*", "foo.*", true}, {"foo.bar", "foo.*", false},
            {">", "foo..bar", false}, {">", "foo.", false}, {"foo.*", "foo.", false}, {"*", "", false},
            {"foo.bar", "foo.baz", false}, {"foo.ba", "foo.bar", false},
        };
        for (Object[] c : cases) {
            assertEquals(c[2], SubjectFilter.matches((String) c[0], (String) c[1]), c[0] + " vs " + c[1]);
        }
    }
}
