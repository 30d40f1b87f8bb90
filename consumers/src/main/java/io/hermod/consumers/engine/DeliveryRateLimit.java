package io.hermod.consumers.engine;

/**
 * {@code rate_limit_bps}: a token bucket of bytes filled at a push consumer's rate (bits per second / 8), holding
 * at most one maximum payload's worth, as nats-server 2.9.10 sizes its limiter's burst. A message bigger than the
 * burst goes when the bucket is full. Not thread-safe.
 */
final class DeliveryRateLimit {
    private final double bytesPerNano;
    private final double burst;
    private double tokens;
    private long lastNanos;

    DeliveryRateLimit(long bitsPerSecond, long burstBytes, long nowNanos) {
        this.bytesPerNano = bitsPerSecond / 8.0 / 1_000_000_000.0;
        this.burst = Math.max(burstBytes, 1);
        this.tokens = this.burst;
        this.lastNanos = nowNanos;
    }

    /** Takes {@code size} bytes' worth if the bucket holds them now; otherwise the delivery waits. */
    boolean take(int size, long nowNanos) {
        if (nowNanos > lastNanos) {
            tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * bytesPerNano);
            lastNanos = nowNanos;
        }
        double needed = Math.min(size, burst);
        if (tokens < needed) {
            return false;
        }
        tokens -= needed;
        return true;
    }
}
