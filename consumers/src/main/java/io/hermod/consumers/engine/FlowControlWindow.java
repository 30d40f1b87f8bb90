package io.hermod.consumers.engine;

/**
 * A push consumer's flow control, as nats-server 2.9.10 keeps it ({@code setMaxPendingBytes},
 * {@code needFlowControl}, {@code processFlowControl}): bytes delivered and not yet confirmed by the client count
 * against a window that starts at 1/16 of 32 MiB and doubles with each answer up to 32 MiB. Past half the window a
 * {@code 100 FlowControl Request} goes out (one at a time); past the whole window delivery stalls until the client
 * answers the latest request, which releases the bytes delivered up to it. Not thread-safe.
 */
final class FlowControlWindow {
    /** nats-server's {@code JsFlowControlMaxPending}. */
    static final int MAX_PENDING_BYTES = 32 * 1024 * 1024;

    private long windowBytes = MAX_PENDING_BYTES / 16;
    private long pendingBytes;
    /** The pending bytes the outstanding request releases when answered. */
    private long requestedBytes;
    /** The reply subject of the outstanding request, or null. */
    private String outstanding;

    /**
     * Counts a delivery of {@code size} bytes (subject, reply, headers and payload, as nats counts them) and says
     * whether a flow control request is due now.
     */
    boolean onDelivered(int size) {
        pendingBytes += size;
        if (outstanding == null) {
            return pendingBytes > windowBytes / 2;
        }
        // nats widens what an outstanding request releases while deliveries go on past a whole window
        if (pendingBytes - requestedBytes >= windowBytes) {
            requestedBytes += size;
        }
        return false;
    }

    /** A request went out with reply subject {@code reply}. */
    void requested(String reply) {
        outstanding = reply;
        requestedBytes = pendingBytes;
    }

    /**
     * The client answered on {@code subject}; only the latest request counts.
     *
     * @return whether it was the outstanding request
     */
    boolean answered(String subject) {
        if (outstanding == null || !outstanding.equals(subject)) {
            return false;
        }
        if (windowBytes < MAX_PENDING_BYTES) {
            windowBytes = Math.min(windowBytes * 2, MAX_PENDING_BYTES);
        }
        pendingBytes = Math.max(pendingBytes - requestedBytes, 0);
        outstanding = null;
        requestedBytes = 0;
        return true;
    }

    /** Whether delivery waits for an answer. */
    boolean stalled() {
        return pendingBytes > windowBytes;
    }

    /** The reply subject of the outstanding request, or null (heartbeats name it in Nats-Consumer-Stalled). */
    String outstanding() {
        return outstanding;
    }
}
