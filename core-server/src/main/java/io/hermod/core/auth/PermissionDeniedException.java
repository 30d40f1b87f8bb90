package io.hermod.core.auth;

/** An in-process client tried to publish or subscribe where its permissions do not allow it. */
public final class PermissionDeniedException extends RuntimeException {
    public PermissionDeniedException(String message) {
        super(message);
    }
}
