package io.hermod.cli.jetstream;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as the {@code nats} CLI takes them: a number with an optional unit, powers of 1024 whether written
 * {@code KB} or {@code KiB} ({@code 64KB}, {@code 1GiB}, {@code 512}); {@code -1} is unlimited.
 */
public final class SizeConverter implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgtp]?)(i?b)?");

    @Override
    public Long convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.equals("-1")) {
            return -1L;
        }
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a size (e.g. 512, 64KB, 1GB, -1)");
        }
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            case "p" -> 50;
            default -> 0;
        };
        return Long.parseLong(m.group(1)) << shift;
    }
}
