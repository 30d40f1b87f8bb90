package io.hermod.core.server;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connection's counters for monitoring ({@code /connz}), kept off the hot path's way: the inbound side and the
 * activity time are written only by the connection's event loop (a volatile read and an ordered store, no
 * atomic read-modify-write), the outbound side only under the outbound buffer's monitor, which every delivery
 * already holds. Any thread may read; a reader sees each counter's latest value, not a consistent set.
 */
final class ConnectionMetrics {
    private final long startNanos = System.nanoTime();
    private final Instant start = Instant.now();
    private final AtomicLong inMsgs = new AtomicLong();
    private final AtomicLong inBytes = new AtomicLong();
    private final AtomicLong outMsgs = new AtomicLong();
    private final AtomicLong outBytes = new AtomicLong();
    private final AtomicLong lastActivityNanos = new AtomicLong(startNanos);
    private volatile long pingSentNanos;
    private volatile long rttNanos;
    private volatile String closeReason;

    /** Event loop: a read arrived. */
    void activity() {
        lastActivityNanos.lazySet(System.nanoTime());
    }

    /** Event loop: the client published a message. */
    void published(int bytes) {
        inMsgs.lazySet(inMsgs.get() + 1);
        inBytes.lazySet(inBytes.get() + bytes);
    }

    /** Under the outbound buffer's monitor: a message was queued for the client. */
    void delivered(int bytes) {
        outMsgs.lazySet(outMsgs.get() + 1);
        outBytes.lazySet(outBytes.get() + bytes);
    }

    /** Event loop: the server sent a PING; the next PONG measures the round trip, as in nats-server. */
    void pingSent() {
        pingSentNanos = System.nanoTime();
    }

    /** Event loop: a PONG arrived. */
    void pongReceived() {
        long sent = pingSentNanos;
        if (sent != 0) {
            rttNanos = Math.max(1, System.nanoTime() - sent);
            pingSentNanos = 0;
        }
    }

    /** Records why the connection closes; the first reason given wins. */
    void closing(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
    }

    Instant start() { return start; }
    Instant lastActivity() { return start.plusNanos(lastActivityNanos.get() - startNanos); }
    long inMsgs() { return inMsgs.get(); }
    long inBytes() { return inBytes.get(); }
    long outMsgs() { return outMsgs.get(); }
    long outBytes() { return outBytes.get(); }
    long rttNanos() { return rttNanos; }
    /** nats-server's default when nothing else was recorded: the client went away. */
    String closeReason() { return closeReason == null ? CloseReasons.CLIENT_CLOSED : closeReason; }
}
