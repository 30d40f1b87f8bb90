package io.hermod.core.config;

import io.hermod.core.config.ConfigValue.ConfigBoolean;
import io.hermod.core.config.ConfigValue.ConfigDateTime;
import io.hermod.core.config.ConfigValue.ConfigFloat;
import io.hermod.core.config.ConfigValue.ConfigInteger;
import io.hermod.core.config.ConfigValue.ConfigString;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads one scalar value: quoted, block and unquoted strings, booleans, variable references, integers with size
 * suffixes, floats, IP-like strings and Zulu datetimes. What is a number follows nats-server 2.9's lexer: digits
 * followed by other letters are a string ({@code 10s}, {@code 1h30m}), but digits with a size suffix are an integer
 * ({@code 2m} is two million, not two minutes).
 */
final class ScalarLexer {
    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "on");
    private static final Set<String> FALSE_WORDS = Set.of("false", "no", "off");
    private static final String ZULU_AFTER_YEAR = "-00-00T00:00:00Z";

    private final SourceCursor in;
    private final VariableScope variables;

    ScalarLexer(SourceCursor in, VariableScope variables) {
        this.in = in;
        this.variables = variables;
    }

    /** At the opening {@code "}: escapes \t \n \r \" \\ and \xXX (bytes, decoded as UTF-8). */
    ConfigValue doubleQuoted() {
        ConfigPosition start = in.position();
        in.next();
        StringText text = new StringText();
        while (true) {
            int c = in.next();
            if (c == SourceCursor.EOF) {
                throw in.error("unterminated quoted string starting at " + start);
            } else if (c == '"') {
                return new ConfigString(text.toString(), start);
            } else if (c == '\\') {
                escape(text);
            } else {
                text.append((char) c);
            }
        }
    }

    /** At the opening {@code '}: raw text, no escapes, up to the next {@code '}. */
    ConfigValue singleQuoted() {
        ConfigPosition start = in.position();
        in.next();
        StringBuilder text = new StringBuilder();
        while (true) {
            int c = in.next();
            if (c == SourceCursor.EOF) {
                throw in.error("unterminated quoted string starting at " + start);
            } else if (c == '\'') {
                return new ConfigString(text.toString(), start);
            }
            text.append((char) c);
        }
    }

    /**
     * At {@code (}: everything up to a {@code )} standing alone at the start of a line, which ends the block; the new
     * line before that {@code )} is part of the value, as in nats-server.
     */
    ConfigValue block() {
        ConfigPosition start = in.position();
        in.next();
        int from = in.offset();
        int previous = '(';
        while (true) {
            int c = in.next();
            if (c == SourceCursor.EOF) {
                throw in.error("unterminated block string starting at " + start + ", expected ')' alone on a line");
            }
            if (c == ')' && previous == '\n' && (in.peek() == '\n' || in.peek() == SourceCursor.EOF)) {
                return new ConfigString(in.text(from, in.offset() - 1), start);
            }
            previous = c;
        }
    }

    /** At a digit: integer (with optional size suffix), float, IP-like string, Zulu datetime, or a string. */
    ConfigValue number() {
        ConfigPosition start = in.position();
        int from = in.offset();
        skipDigits();
        int c = in.peek();
        if (c == '-') {
            if (in.offset() - from != 4) {
                throw in.error("dates must be in full Zulu form, e.g. 2006-01-02T15:04:05Z");
            }
            return dateTime(from, start);
        }
        if (c == '.') {
            return fraction(from, start);
        }
        if (SizeSuffix.isSuffixStart(c)) {
            return suffixedInteger(from, start);
        }
        if (endsNumber(c)) {
            return integer(from, start);
        }
        return unquoted(from, start);
    }

    /** At {@code -}: a negative integer or float; unlike positive numbers it never turns into a string. */
    ConfigValue negativeNumber() {
        ConfigPosition start = in.position();
        int from = in.offset();
        in.next();
        if (!isDigit(in.peek())) {
            throw in.error("expected a digit after '-' but got " + SourceCursor.describe(in.peek()));
        }
        skipDigits();
        if (in.peek() == '.') {
            return fraction(from, start);
        }
        if (SizeSuffix.isSuffixStart(in.peek())) {
            return suffixedInteger(from, start);
        }
        return integer(from, start);
    }

    /** An unquoted word: a boolean, a {@code $variable}, or a string (with the same escapes as quoted strings). */
    ConfigValue unquoted() {
        return unquoted(in.offset(), in.position());
    }

    private ConfigValue unquoted(int from, ConfigPosition start) {
        StringText text = new StringText();
        text.append(in.text(from, in.offset()));
        boolean escaped = false;
        while (!endsUnquoted(in.peek())) {
            int c = in.next();
            if (c == '\\') {
                escape(text);
                escaped = true;
            } else {
                text.append((char) c);
            }
        }
        String word = text.toString();
        if (escaped) {
            return new ConfigString(word, start);
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(lower) || FALSE_WORDS.contains(lower)) {
            return new ConfigBoolean(TRUE_WORDS.contains(lower), start);
        }
        if (word.startsWith("$")) {
            return variables.resolve(word.substring(1), start);
        }
        return new ConfigString(word, start);
    }

    private ConfigValue fraction(int from, ConfigPosition start) {
        in.next();
        if (!isDigit(in.peek())) {
            throw in.error("floats must have a digit after the '.' but got " + SourceCursor.describe(in.peek()));
        }
        skipDigits();
        if (in.peek() == '.') {
            // A second dot: an address such as 127.0.0.1:4222, kept as a string.
            while (isDigit(in.peek()) || in.peek() == '.' || in.peek() == ':' || in.peek() == '-') {
                in.next();
            }
            return new ConfigString(in.text(from, in.offset()), start);
        }
        return new ConfigFloat(Double.parseDouble(in.text(from, in.offset())), start);
    }

    private ConfigValue suffixedInteger(int from, ConfigPosition start) {
        in.next();
        while (SizeSuffix.isSuffixTail(in.peek())) {
            in.next();
        }
        if (endsNumber(in.peek()) || isDigit(in.peek())) {
            return integer(from, start);
        }
        return unquoted(from, start);
    }

    private ConfigValue integer(int from, ConfigPosition start) {
        String literal = in.text(from, in.offset());
        int digitsEnd = literal.charAt(0) == '-' ? 1 : 0;
        while (digitsEnd < literal.length() && isDigit(literal.charAt(digitsEnd))) {
            digitsEnd++;
        }
        String suffix = literal.substring(digitsEnd);
        OptionalLong multiplier = SizeSuffix.multiplier(suffix);
        if (multiplier.isEmpty()) {
            throw new ConfigException(start, "unknown size suffix '" + suffix + "' in '" + literal + "'");
        }
        try {
            return new ConfigInteger(Math.multiplyExact(Long.parseLong(literal.substring(0, digitsEnd)),
                    multiplier.getAsLong()), start);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ConfigException(start, "integer '" + literal + "' is out of range");
        }
    }

    private ConfigValue dateTime(int from, ConfigPosition start) {
        for (int i = 0; i < ZULU_AFTER_YEAR.length(); i++) {
            char expected = ZULU_AFTER_YEAR.charAt(i);
            int c = in.peek();
            boolean ok = expected == '0' ? isDigit(c) : c == expected;
            if (!ok) {
                throw in.error("expected " + (expected == '0' ? "a digit" : "'" + expected + "'")
                        + " in ISO8601 datetime but got " + SourceCursor.describe(c));
            }
            in.next();
        }
        String literal = in.text(from, in.offset());
        try {
            return new ConfigDateTime(Instant.parse(literal), start);
        } catch (DateTimeParseException e) {
            throw new ConfigException(start, "expected a Zulu formatted datetime but got '" + literal + "'");
        }
    }

    /** After a backslash, in quoted and unquoted strings alike. */
    private void escape(StringText text) {
        int c = in.next();
        switch (c) {
            case 't' -> text.append('\t');
            case 'n' -> text.append('\n');
            case 'r' -> text.append('\r');
            case '"' -> text.append('"');
            case '\\' -> text.append('\\');
            case 'x' -> text.appendByte(hexByte());
            default -> throw in.error("invalid escape character " + SourceCursor.describe(c)
                    + "; only \\xXX, \\t, \\n, \\r, \\\" and \\\\ are allowed");
        }
    }

    private int hexByte() {
        int high = Character.digit(in.next(), 16);
        int low = Character.digit(in.next(), 16);
        if (high < 0 || low < 0) {
            throw in.error("expected two hexadecimal digits after '\\x'");
        }
        return high * 16 + low;
    }

    private void skipDigits() {
        while (isDigit(in.peek())) {
            in.next();
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /**
     * What may follow an integer. nats-server 2.9 leaves out {@code ]}, which makes {@code [1]} a syntax error
     * there; we accept it.
     */
    private static boolean endsNumber(int c) {
        return c == SourceCursor.EOF || SourceCursor.isNewLine(c) || SourceCursor.isBlank(c)
                || c == '}' || c == ']' || c == ';' || c == ',';
    }

    private static boolean endsUnquoted(int c) {
        return endsNumber(c);
    }

    /** Text with runs of \xXX bytes decoded as UTF-8, so "\xc3\xa9" is one character as in Go. */
    private static final class StringText {
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        void append(char c) {
            flushBytes();
            text.append(c);
        }

        void append(String s) {
            flushBytes();
            text.append(s);
        }

        void appendByte(int b) {
            bytes.write(b);
        }

        private void flushBytes() {
            if (bytes.size() > 0) {
                text.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
            }
        }

        @Override
        public String toString() {
            flushBytes();
            return text.toString();
        }
    }
}
