package io.hermod.cli.store;

import java.time.Instant;
import java.util.Locale;

/** Numbers and times as a person reads them in tables. */
final class Readable {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Readable() {
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String time(long epochNanos) {
        return epochNanos == 0 ? "-" : Instant.ofEpochSecond(0, epochNanos).toString();
    }
}
