package io.hermod.core.subject;

/**
 * Matches one published subject against one filter without building a trie or allocating; used to find the
 * cached matches a new or removed subscription affects, and useful wherever a single filter is tested
 * (permissions, stream subjects).
 */
public final class SubjectFilter {
    private SubjectFilter() {
    }

    /**
     * Whether {@code filter} matches {@code subject}. The subject's tokens are taken literally, so a published
     * {@code foo.*} is matched by {@code foo.*} and {@code foo.>} but not by {@code foo.bar}, exactly as the trie
     * does. Subjects with an empty token match nothing.
     */
    public static boolean matches(String filter, String subject) {
        int filterLength = filter.length();
        int subjectLength = subject.length();
        if (subjectLength == 0 || filterLength == 0) {
            return false;
        }
        int f = 0;
        int s = 0;
        while (true) {
            int filterEnd = tokenEnd(filter, f);
            int subjectEnd = tokenEnd(subject, s);
            if (subjectEnd == s) {
                return false;
            }
            int filterTokenLength = filterEnd - f;
            if (filterTokenLength == 1 && filter.charAt(f) == '>') {
                return hasNoEmptyToken(subject, s);
            }
            boolean star = filterTokenLength == 1 && filter.charAt(f) == '*';
            if (!star && (filterTokenLength != subjectEnd - s
                    || !subject.regionMatches(s, filter, f, filterTokenLength))) {
                return false;
            }
            boolean filterDone = filterEnd == filterLength;
            boolean subjectDone = subjectEnd == subjectLength;
            if (filterDone || subjectDone) {
                return filterDone && subjectDone;
            }
            f = filterEnd + 1;
            s = subjectEnd + 1;
        }
    }

    private static int tokenEnd(String text, int start) {
        int dot = text.indexOf('.', start);
        return dot < 0 ? text.length() : dot;
    }

    private static boolean hasNoEmptyToken(String subject, int from) {
        int length = subject.length();
        if (subject.charAt(length - 1) == '.') {
            return false;
        }
        return subject.indexOf("..", from) < 0;
    }
}
