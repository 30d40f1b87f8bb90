package io.hermod.core.config;

/**
 * Reads one config text a character at a time and knows the line and column of the next one. Single-threaded.
 */
final class SourceCursor {
    static final int EOF = -1;

    private final String text;
    private final String file;
    private int offset;
    private int line = 1;
    private int column = 1;

    SourceCursor(String text, String file) {
        this.text = text;
        this.file = file;
    }

    int peek() {
        return peek(0);
    }

    int peek(int ahead) {
        int i = offset + ahead;
        return i < text.length() ? text.charAt(i) : EOF;
    }

    int next() {
        if (offset >= text.length()) {
            return EOF;
        }
        char c = text.charAt(offset++);
        if (c == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
        return c;
    }

    int offset() {
        return offset;
    }

    String text(int from, int to) {
        return text.substring(from, to);
    }

    ConfigPosition position() {
        return new ConfigPosition(file, line, column);
    }

    String file() {
        return file;
    }

    ConfigException error(String message) {
        return new ConfigException(position(), message);
    }

    /** Spaces and tabs only: nats-server lets a value follow its key after these but not after a new line. */
    void skipBlanks() {
        while (peek() == ' ' || peek() == '\t') {
            next();
        }
    }

    /** Any white space, new lines included, as Go's {@code unicode.IsSpace} defines it. */
    void skipSpaces() {
        while (isSpace(peek())) {
            next();
        }
    }

    /** At {@code #} or {@code //}. */
    boolean atComment() {
        return peek() == '#' || (peek() == '/' && peek(1) == '/');
    }

    /** Consumes a comment up to, not including, the end of its line. */
    void skipComment() {
        while (peek() != EOF && !isNewLine(peek())) {
            next();
        }
    }

    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f' || c == 0x85 || c == 0xA0
                || (c > 0xFF && Character.isSpaceChar(c));
    }

    static boolean isNewLine(int c) {
        return c == '\n' || c == '\r';
    }

    static boolean isBlank(int c) {
        return c == ' ' || c == '\t';
    }

    static String describe(int c) {
        return switch (c) {
            case EOF -> "end of file";
            case '\n' -> "'\\n'";
            case '\r' -> "'\\r'";
            default -> "'" + (char) c + "'";
        };
    }
}
