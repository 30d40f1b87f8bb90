package io.hermod.cli.jetstream;

import io.hermod.cli.client.CommandFailure;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FlagConvertersTest {
    @Test
    void durationsTakeGoFormPlusDaysWeeksAndYears() {
        assertEquals(Duration.ofMinutes(90), DurationWithDaysConverter.parse("1h30m"));
        assertEquals(Duration.ofMillis(500), DurationWithDaysConverter.parse("500ms"));
        assertEquals(Duration.ofDays(7), DurationWithDaysConverter.parse("7d"));
        assertEquals(Duration.ofDays(14), DurationWithDaysConverter.parse("2w"));
        assertEquals(Duration.ofDays(365), DurationWithDaysConverter.parse("1y"));
        assertEquals(Duration.ofMillis(1500), DurationWithDaysConverter.parse("1.5s"));
        assertEquals(Duration.ZERO, DurationWithDaysConverter.parse("0"));
        assertThrows(TypeConversionException.class, () -> DurationWithDaysConverter.parse("7"));
        assertThrows(TypeConversionException.class, () -> DurationWithDaysConverter.parse("1h junk"));
        assertThrows(TypeConversionException.class, () -> DurationWithDaysConverter.parse(""));
    }

    @Test
    void sizesArePowersOf1024WithOrWithoutTheI() {
        SizeConverter size = new SizeConverter();
        assertEquals(512L, size.convert("512"));
        assertEquals(64L << 10, size.convert("64KB"));
        assertEquals(64L << 10, size.convert("64KiB"));
        assertEquals(1L << 30, size.convert("1G"));
        assertEquals(1L << 30, size.convert("1 gb"));
        assertEquals(-1L, size.convert("-1"));
        assertThrows(TypeConversionException.class, () -> size.convert("lots"));
        assertThrows(TypeConversionException.class, () -> size.convert("1.5GB"));
    }

    private static ConsumerConfiguration deliver(String value, Clock clock) {
        ConsumerConfigFlags flags = new ConsumerConfigFlags();
        new CommandLine(flags).parseArgs("--deliver", value);
        return flags.applyTo(ConsumerConfiguration.builder(), clock).build();
    }

    @Test
    void deliverTakesAPolicyASequenceOrADurationAgo() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
        assertEquals(DeliverPolicy.All, deliver("all", clock).getDeliverPolicy());
        assertEquals(DeliverPolicy.New, deliver("NEW", clock).getDeliverPolicy());
        assertEquals(DeliverPolicy.LastPerSubject, deliver("last-per-subject", clock).getDeliverPolicy());
        ConsumerConfiguration bySeq = deliver("42", clock);
        assertEquals(DeliverPolicy.ByStartSequence, bySeq.getDeliverPolicy());
        assertEquals(42, bySeq.getStartSequence());
        ConsumerConfiguration byTime = deliver("1h", clock);
        assertEquals(DeliverPolicy.ByStartTime, byTime.getDeliverPolicy());
        assertEquals(Instant.parse("2026-01-02T02:04:05Z"), byTime.getStartTime().toInstant());
        assertThrows(CommandFailure.class, () -> deliver("whenever", clock));
    }
}
