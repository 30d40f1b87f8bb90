package io.hermod.consumers.engine;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What holds a push delivery back besides acks and flow control: rate limit and original replay; headers_only. */
class DeliveryPacingTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void rateLimitLetsABurstThroughThenRefillsAtTheRate() {
        DeliveryRateLimit limit = new DeliveryRateLimit(8_000, 1000, 0); // 1000 bytes a second
        assertTrue(limit.take(600, 0));
        assertFalse(limit.take(600, 0));
        assertFalse(limit.take(600, SECOND / 10)); // 500 bytes by then
        assertTrue(limit.take(600, SECOND / 5));
        assertTrue(limit.take(5000, 10 * SECOND), "bigger than the burst: goes on a full bucket");
        assertFalse(limit.take(1, 10 * SECOND));
    }

    @Test
    void originalReplayKeepsTheStoredGaps() {
        ReplayPacer pacer = new ReplayPacer();
        assertTrue(pacer.due(100 * SECOND, 5 * SECOND));
        pacer.delivered(100 * SECOND, 5 * SECOND);
        assertFalse(pacer.due(102 * SECOND, 6 * SECOND));
        assertTrue(pacer.due(102 * SECOND, 7 * SECOND));
        assertTrue(pacer.due(100 * SECOND + 500_000, 5 * SECOND), "gaps under a millisecond do not wait");
    }

    @Test
    void headersOnlyAppendsThePayloadSize() {
        assertEquals("NATS/1.0\r\nNats-Msg-Size: 12\r\n\r\n", text(HeadersOnly.headers(new byte[0], 12)));
        byte[] own = "NATS/1.0\r\nX-Test: yes\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals("NATS/1.0\r\nX-Test: yes\r\nNats-Msg-Size: 0\r\n\r\n", text(HeadersOnly.headers(own, 0)));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
