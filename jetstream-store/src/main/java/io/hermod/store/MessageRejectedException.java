package io.hermod.store;

/** A limit of the stream refused a message; nothing was stored. */
public final class MessageRejectedException extends RuntimeException {

    /** Why, in the terms of the stream's configuration. */
    public enum Reason {
        MESSAGE_TOO_LARGE("message size exceeds maximum allowed"),
        MAX_MESSAGES("maximum messages exceeded"),
        MAX_BYTES("maximum bytes exceeded");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Reason reason;

    public MessageRejectedException(Reason reason) {
        super(reason.description(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
