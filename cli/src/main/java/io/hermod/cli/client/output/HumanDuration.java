package io.hermod.cli.client.output;

import java.time.Duration;
import java.util.Locale;

/**
 * Durations for people: sub-second ones with their unit ({@code 850µs}, {@code 1.25ms}), up to a minute in seconds
 * ({@code 2.50s}), longer ones by component ({@code 3m20s}, {@code 2d4h}).
 */
public final class HumanDuration {
    private HumanDuration() {
    }

    public static String format(Duration d) {
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        long nanos = d.toNanos();
        if (nanos < 1_000) {
            return nanos + "ns";
        }
        if (nanos < 1_000_000) {
            return trim(nanos / 1_000.0) + "µs";
        }
        if (nanos < 1_000_000_000) {
            return trim(nanos / 1_000_000.0) + "ms";
        }
        if (d.compareTo(Duration.ofMinutes(1)) < 0) {
            return trim(nanos / 1_000_000_000.0) + "s";
        }
        StringBuilder out = new StringBuilder();
        append(out, d.toDays(), "d");
        append(out, d.toHoursPart(), "h");
        append(out, d.toMinutesPart(), "m");
        append(out, d.toSecondsPart(), "s");
        return out.toString();
    }

    private static void append(StringBuilder out, long value, String unit) {
        if (value != 0) {
            out.append(value).append(unit);
        }
    }

    /** Two decimals, without trailing zeros. */
    private static String trim(double value) {
        String s = String.format(Locale.ROOT, "%.2f", value);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
