package io.hermod.store.file;

import java.util.Objects;

/**
 * One disagreement found by an offline check of a store: in which stream (and consumer, or {@code null}), what
 * disagrees, what the source of truth says ({@code expected}: the log, or the stream's range for consumers) and what
 * was found. {@code repairable}: rebuilding the stream's derived indexes from its log removes it.
 */
public record StoreInconsistency(String stream, String consumer, String what, String expected, String found,
        boolean repairable) {

    public StoreInconsistency {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
    }

    /** An index of {@code stream} that disagrees with its log; a rebuild fixes it. */
    static StoreInconsistency index(String stream, String what, Object expected, Object found) {
        return new StoreInconsistency(stream, null, what, String.valueOf(expected), String.valueOf(found), true);
    }

    /** One line for a person: {@code stream[ > consumer]: what: expected X, found Y}. */
    public String describe() {
        return (consumer == null ? stream : stream + " > " + consumer) + ": " + what + ": expected " + expected
                + ", found " + found;
    }
}
