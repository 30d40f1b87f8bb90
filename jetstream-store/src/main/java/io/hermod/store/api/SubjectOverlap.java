package io.hermod.store.api;

/**
 * Relations between two subject filters that {@link io.hermod.core.subject.SubjectFilter} (filter against a literal
 * subject) does not cover: whether two filters can match a common subject ({@link #collide}), and whether every
 * subject one filter matches is matched by another ({@link #isSubsetMatch}). Both follow nats-server's
 * {@code SubjectsCollide} and {@code subjectIsSubsetMatch}; inputs are expected to be valid filters.
 */
public final class SubjectOverlap {
    private SubjectOverlap() {
    }

    /** Whether some literal subject is matched by both filters ({@code a.*} and {@code *.b} collide on {@code a.b}). */
    public static boolean collide(String first, String second) {
        if (first.equals(second)) {
            return true;
        }
        String[] a = first.split("\\.", -1);
        String[] b = second.split("\\.", -1);
        boolean aTail = isTail(a[a.length - 1]);
        boolean bTail = isTail(b[b.length - 1]);
        if (a.length < b.length && !aTail || b.length < a.length && !bTail) {
            return false;
        }
        int common = Math.min(a.length, b.length);
        for (int i = 0; i < common; i++) {
            if (!tokensCanMatch(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether every subject {@code subject} matches is also matched by {@code test} ({@code a.b.*} within {@code a.>}). */
    public static boolean isSubsetMatch(String subject, String test) {
        String[] tokens = subject.split("\\.", -1);
        String[] testTokens = test.split("\\.", -1);
        for (int i = 0; i < testTokens.length; i++) {
            if (i >= tokens.length) {
                return false;
            }
            String t2 = testTokens[i];
            if (isTail(t2)) {
                return true;
            }
            String t1 = tokens[i];
            if (isTail(t1)) {
                return false;
            }
            if (isAny(t2)) {
                continue;
            }
            if (isAny(t1) || !t1.equals(t2)) {
                return false;
            }
        }
        return tokens.length == testTokens.length;
    }

    private static boolean tokensCanMatch(String a, String b) {
        return isAny(a) || isAny(b) || isTail(a) || isTail(b) || a.equals(b);
    }

    private static boolean isAny(String token) {
        return token.equals("*");
    }

    private static boolean isTail(String token) {
        return token.equals(">");
    }
}
