package io.hermod.core.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request's query parameters, decoded as nats-server decodes them: the first value of each name, an absent or
 * empty value meaning the default, and a malformed one refused with nats-server's exact 400 text.
 */
final class MonitorRequest {
    private final Map<String, List<String>> parameters;
    private final Instant now;

    MonitorRequest(Map<String, List<String>> parameters, Instant now) {
        this.parameters = parameters;
        this.now = now;
    }

    /** When the request is answered; one instant for the whole document. */
    Instant now() {
        return now;
    }

    /** The first value, or "" when absent. */
    String get(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /** Go's {@code strconv.ParseBool}; absent is false. */
    boolean bool(String name) {
        String s = get(name);
        return switch (s) {
            case "" , "0", "f", "F", "false", "FALSE", "False" -> false;
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            default -> throw new BadRequestException("Error decoding boolean for '" + name
                    + "': strconv.ParseBool: parsing " + quoted(s) + ": invalid syntax");
        };
    }

    /** Go's {@code strconv.Atoi}; absent is 0. */
    int integer(String name) {
        String s = get(name);
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new BadRequestException("Error decoding int for '" + name + "': strconv.Atoi: parsing "
                    + quoted(s) + ": " + (isInteger(s) ? "value out of range" : "invalid syntax"));
        }
    }

    /** Go's {@code strconv.ParseUint(s, 10, 64)}; absent is 0. */
    long unsigned(String name) {
        String s = get(name);
        if (s.isEmpty()) {
            return 0;
        }
        boolean digits = s.chars().allMatch(c -> c >= '0' && c <= '9');
        try {
            if (digits) {
                return Long.parseUnsignedLong(s);
            }
        } catch (NumberFormatException e) {
            throw new BadRequestException("Error decoding uint64 for '" + name + "': strconv.ParseUint: parsing "
                    + quoted(s) + ": value out of range");
        }
        throw new BadRequestException("Error decoding uint64 for '" + name + "': strconv.ParseUint: parsing "
                + quoted(s) + ": invalid syntax");
    }

    String lowerCase(String name) {
        return get(name).toLowerCase(Locale.ROOT);
    }

    private static boolean isInteger(String s) {
        int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        return s.length() > start && s.substring(start).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Go's {@code %q} for the plain strings a query holds. */
    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
