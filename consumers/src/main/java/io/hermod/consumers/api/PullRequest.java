package io.hermod.consumers.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code $JS.API.CONSUMER.MSG.NEXT} (ADR-13, nats's {@code JSApiConsumerGetNextRequest}); durations
 * in nanoseconds. A batch of 0 or less means 1.
 */
public record PullRequest(
        @JsonProperty("expires") long expiresNanos,
        @JsonProperty("batch") int batch,
        @JsonProperty("max_bytes") int maxBytes,
        @JsonProperty("no_wait") boolean noWait,
        @JsonProperty("idle_heartbeat") long idleHeartbeatNanos) {

    public PullRequest {
        batch = Math.max(batch, 1);
    }

    /**
     * Reads a request as nats-server 2.9.10 does: JSON when it starts with <code>{</code>, otherwise a batch size in
     * decimal (1 when empty or unreadable).
     */
    public static PullRequest parse(byte[] body) {
        String text = body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8).trim();
        if (text.startsWith("{")) {
            return io.hermod.store.api.GoJson.readRequest(body, PullRequest.class, batchOf(1));
        }
        try {
            return batchOf(text.isEmpty() ? 1 : Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return batchOf(1);
        }
    }

    public static PullRequest batchOf(int batch) {
        return new PullRequest(0, batch, 0, false, 0);
    }
}
