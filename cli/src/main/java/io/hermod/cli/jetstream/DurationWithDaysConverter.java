package io.hermod.cli.jetstream;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the {@code nats} CLI takes them: Go's form ({@code 1h30m}, {@code 500ms}, {@code 2m}) plus days,
 * weeks and years ({@code 7d}, {@code 2w}, {@code 1y}); {@code 0} is none.
 */
public final class DurationWithDaysConverter implements ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d|w|y)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(text);
        long nanos = 0;
        int at = 0;
        while (at < text.length() && m.find(at) && m.start() == at) {
            nanos += Math.round(Double.parseDouble(m.group(1)) * unitNanos(m.group(2)));
            at = m.end();
        }
        if (at == 0 || at != text.length()) {
            throw new TypeConversionException("'" + value + "' is not a duration (e.g. 30s, 1h30m, 7d)");
        }
        return Duration.ofNanos(nanos);
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            case "d" -> 86400e9;
            case "w" -> 7 * 86400e9;
            default -> 365 * 86400e9;
        };
    }
}
