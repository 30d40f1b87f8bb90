package io.hermod.cli.client.output;

import io.hermod.core.config.GoDuration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/**
 * Reads a duration flag the way NATS tools do (Go's syntax: {@code 500ms}, {@code 2s}, {@code 1h30m}); use it with
 * {@code @Option(converter = DurationConverter.class)}.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            Duration d = GoDuration.parse(value.trim());
            if (d.isNegative()) {
                throw new TypeConversionException("a duration cannot be negative: " + value);
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage() + " (use e.g. 500ms, 5s, 1m)");
        }
    }

    /** Go's text for a duration, which {@link #convert} reads back. */
    public static String format(Duration d) {
        return d.toNanos() % 1_000_000 == 0 ? d.toMillis() + "ms" : d.toNanos() + "ns";
    }
}
