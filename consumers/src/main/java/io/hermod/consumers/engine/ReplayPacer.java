package io.hermod.consumers.engine;

/**
 * {@code replay_policy: original}: each message waits after the one delivered before it as long as they were apart
 * when stored (gaps up to a millisecond do not wait), as nats-server 2.9.10's delivery loop does. Not thread-safe.
 */
final class ReplayPacer {
    private long lastStoredNanos;
    private long lastDeliveredNanos;

    /** Whether a message stored at {@code storedNanos} may go out at {@code nowNanos}. */
    boolean due(long storedNanos, long nowNanos) {
        if (lastStoredNanos == 0) {
            return true;
        }
        long gap = storedNanos - lastStoredNanos;
        return gap <= 1_000_000 || nowNanos - lastDeliveredNanos >= gap;
    }

    void delivered(long storedNanos, long nowNanos) {
        lastStoredNanos = storedNanos;
        lastDeliveredNanos = nowNanos;
    }
}
