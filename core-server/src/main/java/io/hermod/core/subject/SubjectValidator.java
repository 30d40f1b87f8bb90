package io.hermod.core.subject;

/**
 * The subject checks nats-server 2.9.10 makes, so that Hermod accepts and refuses the same SUB and PUB lines.
 *
 * <ul>
 *   <li>SUB: the filter must satisfy {@link #isValidFilter}; otherwise nats-server answers
 *       {@code -ERR 'Invalid Subject'}, in pedantic mode or not, and keeps the connection open.</li>
 *   <li>PUB/HPUB: by default the subject is not checked at all (a subject with an empty token simply matches
 *       nothing, and {@code foo.*} is delivered to filters that match it as if {@code *} were a plain token).
 *       With {@code "pedantic":true} in CONNECT a subject that fails {@link #isValidPublishSubject} is answered
 *       {@code -ERR 'Invalid Publish Subject'}, yet the message is still delivered and the connection stays
 *       open.</li>
 *   <li>Queue names are not checked beyond what the protocol parser implies (non-empty, no whitespace):
 *       nats-server 2.9.10 accepts {@code q.x}, {@code q*} and {@code q>}.</li>
 * </ul>
 * Whitespace can never reach these checks from the wire (the parser splits arguments on it), but subjects that
 * come from configuration or the in-process client API can carry it, hence the explicit test.
 */
public final class SubjectValidator {
    private SubjectValidator() {
    }

    /**
     * A valid subscribe filter: non-empty tokens, no whitespace, {@code >} only as the last token. A token that
     * merely contains {@code *} or {@code >} (like {@code b*r}) is a literal token, as in nats-server.
     */
    public static boolean isValidFilter(String filter) {
        int length = filter.length();
        if (length == 0) {
            return false;
        }
        int tokenStart = 0;
        boolean afterTail = false;
        for (int i = 0; i <= length; i++) {
            if (i == length || filter.charAt(i) == '.') {
                int tokenLength = i - tokenStart;
                if (tokenLength == 0 || afterTail) {
                    return false;
                }
                afterTail = tokenLength == 1 && filter.charAt(tokenStart) == '>';
                tokenStart = i + 1;
            } else if (isWhitespace(filter.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What pedantic mode demands of a publish subject (nats-server's {@code IsValidLiteralSubject}): non-empty
     * tokens, none of them a wildcard. Like nats-server it does not look for whitespace.
     */
    public static boolean isValidPublishSubject(String subject) {
        int length = subject.length();
        int tokenStart = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || subject.charAt(i) == '.') {
                int tokenLength = i - tokenStart;
                if (tokenLength == 0 || tokenLength == 1 && isWildcard(subject.charAt(tokenStart))) {
                    return false;
                }
                tokenStart = i + 1;
            }
        }
        return true;
    }

    /** Whether a (valid) filter has no wildcard token, so it matches only the subject equal to it. */
    public static boolean isLiteral(String filter) {
        int length = filter.length();
        for (int i = 0; i < length; i++) {
            if (isWildcard(filter.charAt(i))
                    && (i == 0 || filter.charAt(i - 1) == '.')
                    && (i + 1 == length || filter.charAt(i + 1) == '.')) {
                return false;
            }
        }
        return true;
    }

    /** A queue group name as the protocol can carry it: non-empty, no whitespace. */
    public static boolean isValidQueueName(String queue) {
        if (queue.isEmpty()) {
            return false;
        }
        for (int i = 0; i < queue.length(); i++) {
            if (isWhitespace(queue.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWildcard(char c) {
        return c == '*' || c == '>';
    }

    /** The characters nats-server treats as whitespace in subjects. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
