package io.hermod.cli.client.output;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutputFormatsTest {
    @Test
    void bytesUseBinaryUnitsWithOneDecimalBelowTen() {
        assertEquals("0 B", HumanBytes.format(0));
        assertEquals("1023 B", HumanBytes.format(1023));
        assertEquals("1.0 KiB", HumanBytes.format(1024));
        assertEquals("1.5 KiB", HumanBytes.format(1536));
        assertEquals("12 MiB", HumanBytes.format(12L << 20));
        assertEquals("3.0 GiB", HumanBytes.format(3L << 30));
        assertEquals("-2.0 KiB", HumanBytes.format(-2048));
    }

    @Test
    void durationsUseTheLargestReadableUnit() {
        assertEquals("850ns", HumanDuration.format(Duration.ofNanos(850)));
        assertEquals("12.5µs", HumanDuration.format(Duration.ofNanos(12_500)));
        assertEquals("1.25ms", HumanDuration.format(Duration.ofNanos(1_250_000)));
        assertEquals("2.5s", HumanDuration.format(Duration.ofMillis(2_500)));
        assertEquals("3m20s", HumanDuration.format(Duration.ofSeconds(200)));
        assertEquals("2d4h", HumanDuration.format(Duration.ofHours(52)));
    }

    @Test
    void durationFlagsReadGoSyntaxAndFormatBack() {
        DurationConverter converter = new DurationConverter();
        assertEquals(Duration.ofMillis(1500), converter.convert("1.5s"));
        assertEquals(Duration.ofMinutes(90), converter.convert("1h30m"));
        assertEquals(Duration.ofMillis(1500), converter.convert(DurationConverter.format(Duration.ofMillis(1500))));
    }

    @Test
    void tablesAlignTextLeftAndNumbersRight() {
        StringWriter out = new StringWriter();
        Table.withHeaders("STREAM", "MESSAGES", "SIZE").row("ORDERS", 12L, "1.5 KiB").row("A", 1234L, null)
                .print(new PrintWriter(out));
        assertEquals("""
                STREAM  MESSAGES  SIZE
                ------  --------  -------
                ORDERS        12  1.5 KiB
                A           1234
                """, out.toString());
    }

    @Test
    void keyValueTablesRightAlignTheLabels() {
        StringWriter out = new StringWriter();
        new KeyValueTable().section("Server").add("Name", "n1").add("Max Payload", "1.0 MiB")
                .print(new PrintWriter(out));
        assertEquals("""
                Server:

                         Name: n1
                  Max Payload: 1.0 MiB
                """, out.toString());
    }
}
