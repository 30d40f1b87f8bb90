package io.hermod.store.api;

import java.util.Objects;

/** A JetStream API request refused with a catalogued {@link ApiError}; the handler turns it into the reply. */
public final class JsApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ApiError error;

    public JsApiException(ApiError error) {
        super(error.errCode() + ": " + error.description(), null, false, false);
        this.error = Objects.requireNonNull(error);
    }

    public ApiError error() {
        return error;
    }
}
