package io.hermod.store.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps as Go's {@code time.Time} marshals them (RFC 3339 with nanoseconds, trailing zeros of the fraction
 * dropped, UTC written as {@code Z}); Go's zero time is {@code 0001-01-01T00:00:00Z}, which nats-server sends for
 * the first and last timestamps of an empty stream.
 */
public final class GoTime {
    /** Go's zero {@code time.Time}. */
    public static final Instant ZERO = Instant.parse("0001-01-01T00:00:00Z");

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private GoTime() {
    }

    public static String format(Instant instant) {
        StringBuilder text = new StringBuilder(30).append(SECONDS.format(instant));
        int nanos = instant.getNano();
        if (nanos != 0) {
            String fraction = String.format("%09d", nanos);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(fraction, 0, end);
        }
        return text.append('Z').toString();
    }

    public static Instant parse(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }
}
