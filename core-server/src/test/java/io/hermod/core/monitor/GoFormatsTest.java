package io.hermod.core.monitor;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GoFormatsTest {
    @Test
    void durationsAsGoPrintsThem() {
        assertEquals("0s", GoFormats.duration(0));
        assertEquals("999ns", GoFormats.duration(999));
        assertEquals("821µs", GoFormats.duration(821_000));
        assertEquals("1.5µs", GoFormats.duration(1_500));
        assertEquals("1.551497ms", GoFormats.duration(1_551_497));
        assertEquals("1s", GoFormats.duration(1_000_000_000));
        assertEquals("2m3.5s", GoFormats.duration(123_500_000_000L));
        assertEquals("1h0m0s", GoFormats.duration(3_600_000_000_000L));
    }

    @Test
    void rttBelowAMillisecondIsTruncatedToMicroseconds() {
        assertEquals(821_000, ConnInfo.natsRtt(821_456));
        assertEquals(1_551_497, ConnInfo.natsRtt(1_551_497));
        assertEquals(999, ConnInfo.natsRtt(999));
    }

    @Test
    void uptimeAsNatsServerPrintsIt() {
        assertEquals("0s", GoFormats.uptime(Duration.ofMillis(999)));
        assertEquals("1m2s", GoFormats.uptime(Duration.ofSeconds(62)));
        assertEquals("1h0m5s", GoFormats.uptime(Duration.ofSeconds(3605)));
        assertEquals("2d3h0m0s", GoFormats.uptime(Duration.ofHours(51)));
        assertEquals("1y1d0h0m0s", GoFormats.uptime(Duration.ofDays(366)));
    }

    @Test
    void timesAsRfc3339WithTrailingZerosDropped() {
        assertEquals("2026-11-27T07:48:52.562745142Z", GoFormats.time(Instant.parse("2026-11-27T07:48:52.562745142Z")));
        assertEquals("2026-11-27T07:48:52.5627Z", GoFormats.time(Instant.parse("2026-11-27T07:48:52.562700Z")));
        assertEquals("2026-11-27T07:48:52Z", GoFormats.time(Instant.parse("2026-11-27T07:48:52Z")));
    }
}
