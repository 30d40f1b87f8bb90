package io.hermod.core.subject;

/** A subject or filter that breaks the token rules; nats-server answers such a SUB with {@code -ERR 'Invalid Subject'}. */
public final class InvalidSubjectException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidSubjectException(String subject) {
        super("invalid subject: '" + subject + "'");
    }
}
