package io.hermod.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.hermod.core.auth.ConnectionPermissions;
import io.hermod.core.auth.Permissions;
import io.hermod.core.auth.SubjectPermission;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Allow/deny lists with wildcards over a small alphabet, so filters overlap often, checked against a brute-force
 * model: a subject is permitted when there is no allow list or a filter of it matches, and no deny filter matches.
 * Subjects include wildcard tokens, which are taken literally (as a subscription's subject is). Each subject is
 * checked twice through {@link ConnectionPermissions} so that the second verdict comes from its bounded cache, and
 * enough distinct subjects are checked for the cache to be pruned along the way.
 */
class PermissionProperties {
    private static final String[] TOKENS = {"a", "b", "c", "*", ">"};

    /** A subject or filter of 1 to 4 tokens, encoded as an int: base 5 digits plus a length. */
    private static final Gen<String> SUBJECTS = integers().between(0, 4 * 625 - 1).map(PermissionProperties::subject);
    private static final Gen<List<String>> FILTER_LISTS = lists().of(SUBJECTS).ofSizeBetween(0, 4);
    private static final Gen<List<String>> CHECKS = lists().of(SUBJECTS).ofSizeBetween(1, 400);

    @Test
    void publishVerdictsEqualTheModel() {
        qt().withExamples(500).forAll(booleans().all(), FILTER_LISTS, FILTER_LISTS, CHECKS)
                .checkAssert((hasAllow, allow, deny, subjects) -> {
                    List<String> allowList = hasAllow ? allow : null;
                    SubjectPermission publish = new SubjectPermission(allowList, deny);
                    ConnectionPermissions live = new ConnectionPermissions(new Permissions(publish, null, null));
                    for (String subject : subjects) {
                        boolean expected = model(allowList, deny, subject);
                        assertEquals(expected, publish.permits(subject), () -> subject + " " + allowList + " " + deny);
                        assertEquals(expected, live.canPublish(subject), () -> "first " + subject);
                        assertEquals(expected, live.canPublish(subject), () -> "cached " + subject);
                    }
                });
    }

    @Test
    void subscribeVerdictsEqualTheModel() {
        qt().withExamples(500).forAll(booleans().all(), FILTER_LISTS, FILTER_LISTS, CHECKS)
                .checkAssert((hasAllow, allow, deny, subjects) -> {
                    List<String> allowList = hasAllow ? allow : null;
                    ConnectionPermissions live = new ConnectionPermissions(
                            new Permissions(null, new SubjectPermission(allowList, deny), null));
                    for (String subject : subjects) {
                        assertEquals(model(allowList, deny, subject), live.canSubscribe(subject),
                                () -> subject + " " + allowList + " " + deny);
                    }
                });
    }

    private static boolean model(List<String> allow, List<String> deny, String subject) {
        boolean allowed = allow == null || allow.stream().anyMatch(f -> matches(f, subject));
        return allowed && deny.stream().noneMatch(f -> matches(f, subject));
    }

    /** Token by token, as plainly as possible, independent of the code under test. */
    private static boolean matches(String filter, String subject) {
        String[] f = filter.split("\\.", -1);
        String[] s = subject.split("\\.", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals(">")) {
                return s.length > i;
            }
            if (i >= s.length || !(f[i].equals("*") || f[i].equals(s[i]))) {
                return false;
            }
        }
        return f.length == s.length;
    }

    private static String subject(int code) {
        int length = code / 625 + 1;
        int digits = code % 625;
        List<String> tokens = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            tokens.add(TOKENS[digits % 5]);
            digits /= 5;
        }
        return String.join(".", tokens);
    }
}
