package io.hermod.cli.client.output;

import java.util.Locale;

/** Byte counts for people, in binary units as the {@code nats} CLI shows them: {@code 512 B}, {@code 1.5 KiB}, {@code 12 MiB}. */
public final class HumanBytes {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private HumanBytes() {
    }

    public static String format(long bytes) {
        if (bytes < 0) {
            return "-" + format(-Math.max(bytes, -Long.MAX_VALUE));
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        // One decimal while it tells something (below 10), none after.
        String number = value < 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.0f", value);
        return number + " " + UNITS[unit];
    }
}
