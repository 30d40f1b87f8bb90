package io.hermod.store;

/**
 * Which messages a purge removes, as in NATS's {@code $JS.API.STREAM.PURGE}: those matching {@code subjectFilter}
 * ({@code null}: all), and of those only the ones below {@code upToSeq} (exclusive; 0: no bound), or all but the
 * newest {@code keep} ({@code -1}: keep none). {@code upToSeq} and {@code keep} exclude each other.
 */
public record PurgeRequest(String subjectFilter, long upToSeq, long keep) {

    public PurgeRequest {
        if (upToSeq < 0) {
            throw new IllegalArgumentException("upToSeq must be >= 0: " + upToSeq);
        }
        if (keep < -1) {
            throw new IllegalArgumentException("keep must be >= 0, or -1 for none: " + keep);
        }
        if (upToSeq > 0 && keep >= 0) {
            throw new IllegalArgumentException("upToSeq and keep exclude each other");
        }
    }

    public static PurgeRequest all() {
        return new PurgeRequest(null, 0, -1);
    }

    /** Removes every message with a sequence below {@code seq}; the first sequence becomes at least {@code seq}. */
    public static PurgeRequest upTo(long seq) {
        return new PurgeRequest(null, seq, -1);
    }

    public static PurgeRequest subject(String filter) {
        return new PurgeRequest(filter, 0, -1);
    }

    public static PurgeRequest keep(long newest) {
        return new PurgeRequest(null, 0, newest);
    }

    public PurgeRequest withSubject(String filter) {
        return new PurgeRequest(filter, upToSeq, keep);
    }

    boolean hasKeep() {
        return keep >= 0;
    }
}
