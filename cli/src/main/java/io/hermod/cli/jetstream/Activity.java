package io.hermod.cli.jetstream;

import io.hermod.cli.client.output.HumanDuration;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

/** "How long ago" for a last-activity column: {@code 3m20s ago}, or {@code never}. */
final class Activity {
    private Activity() {
    }

    static String since(ZonedDateTime time) {
        // Go's zero time (year 1) is what the server reports for a stream that never had a message.
        if (time == null || time.getYear() <= 1) {
            return "never";
        }
        Duration ago = Duration.between(time.toInstant(), Instant.now());
        if (ago.isNegative()) {
            ago = Duration.ZERO;
        }
        if (ago.toSeconds() == 0) {
            return "just now";
        }
        // Whole seconds are enough to tell activity apart.
        return HumanDuration.format(Duration.ofSeconds(ago.toSeconds())) + " ago";
    }
}
