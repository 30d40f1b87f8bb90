package io.hermod.consumers.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GoDurationTextTest {

    @Test
    void writesAsGo() {
        assertEquals("0s", GoDurationText.format(0));
        assertEquals("999ns", GoDurationText.format(999));
        assertEquals("1.5µs", GoDurationText.format(1_500));
        assertEquals("250ms", GoDurationText.format(250_000_000L));
        assertEquals("1.000001ms", GoDurationText.format(1_000_001L));
        assertEquals("1s", GoDurationText.format(1_000_000_000L));
        assertEquals("1m30.5s", GoDurationText.format(90_500_000_000L));
        assertEquals("1m0s", GoDurationText.format(60_000_000_000L));
        assertEquals("1h0m0s", GoDurationText.format(3_600_000_000_000L));
        assertEquals("26h3m4.000000005s", GoDurationText.format(93_784_000_000_005L));
        assertEquals("-2s", GoDurationText.format(-2_000_000_000L));
    }
}
