package io.hermod.cli.store;

import io.hermod.cli.client.output.HumanBytes;

import java.time.Instant;
import java.util.Locale;

/** Numbers and times as a person reads them in tables. */
final class Readable {
    private Readable() {
    }

    static String bytes(long bytes) {
        return HumanBytes.format(bytes);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String time(long epochNanos) {
        return epochNanos == 0 ? "-" : Instant.ofEpochSecond(0, epochNanos).toString();
    }
}
