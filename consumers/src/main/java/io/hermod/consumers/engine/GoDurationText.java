package io.hermod.consumers.engine;

/** A duration in nanoseconds as Go's {@code time.Duration.String} writes it ({@code 1m30.5s}, {@code 250ms}). */
final class GoDurationText {
    private static final long MICRO = 1_000L;
    private static final long MILLI = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    private GoDurationText() {
    }

    static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        if (nanos == Long.MIN_VALUE) {
            return "-2562047h47m16.854775808s";
        }
        long u = Math.abs(nanos);
        String text;
        if (u < MICRO) {
            text = u + "ns";
        } else if (u < MILLI) {
            text = fraction(u, MICRO) + "µs";
        } else if (u < SECOND) {
            text = fraction(u, MILLI) + "ms";
        } else {
            long minutes = u / MINUTE;
            String seconds = fraction(u % MINUTE, SECOND) + "s";
            text = minutes == 0 ? seconds
                    : (minutes >= 60 ? (minutes / 60) + "h" : "") + (minutes % 60) + "m" + seconds;
        }
        return nanos < 0 ? "-" + text : text;
    }

    /** {@code value / unit} with the remainder as decimals, trailing zeros dropped. */
    private static String fraction(long value, long unit) {
        long whole = value / unit;
        long rest = value % unit;
        if (rest == 0) {
            return Long.toString(whole);
        }
        int digits = Long.toString(unit).length() - 1;
        StringBuilder decimals = new StringBuilder(Long.toString(rest));
        while (decimals.length() < digits) {
            decimals.insert(0, '0');
        }
        int end = decimals.length();
        while (decimals.charAt(end - 1) == '0') {
            end--;
        }
        return whole + "." + decimals.substring(0, end);
    }
}
