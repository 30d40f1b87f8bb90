package io.hermod.core.config;

import io.hermod.core.config.ConfigValue.ConfigArray;
import io.hermod.core.config.ConfigValue.ConfigEntry;
import io.hermod.core.config.ConfigValue.ConfigMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the structure of one config text, the way nats-server 2.9's lexer does: top-level entries end at a new line,
 * {@code ;}, {@code ,} or a comment; block entries also at {@code }}; array values are separated by {@code ,} or new
 * lines. Keys are separated from values by {@code :}, {@code =} or white space. Scalars are left to
 * {@link ScalarLexer}. Single-threaded, one use.
 */
final class ConfigSyntaxReader {
    private static final String INCLUDE = "include";

    private final SourceCursor in;
    private final VariableScope variables;
    private final IncludeResolver includes;
    private final ScalarLexer scalars;

    ConfigSyntaxReader(SourceCursor in, VariableScope variables, IncludeResolver includes) {
        this.in = in;
        this.variables = variables;
        this.includes = includes;
        this.scalars = new ScalarLexer(in, variables);
    }

    ConfigMap read() {
        MapBuilder top = new MapBuilder(in.position());
        variables.enter(top);
        while (true) {
            in.skipSpaces();
            int c = in.peek();
            if (c == SourceCursor.EOF) {
                break;
            }
            if (c == '{' || c == '}') {
                // nats-server accepts a whole file wrapped in braces.
                in.next();
            } else if (in.atComment()) {
                in.skipComment();
            } else {
                entry(top, false);
                topValueEnd();
            }
        }
        variables.leave();
        return top.build();
    }

    /** A key and its value, or an include directive, into {@code block}. */
    private void entry(MapBuilder block, boolean inBlock) {
        ConfigPosition keyPosition = in.position();
        int c = in.peek();
        String key;
        if (c == ':' || c == '=') {
            throw in.error("unexpected key separator " + SourceCursor.describe(c));
        } else if (c == '"' || c == '\'') {
            key = quotedKey();
        } else {
            key = unquotedKey();
            if (key.toLowerCase(Locale.ROOT).equals(INCLUDE) && SourceCursor.isSpace(in.peek())) {
                include(block);
                return;
            }
        }
        in.skipSpaces();
        if (in.peek() == ':' || in.peek() == '=') {
            in.next();
            if (inBlock) {
                // Inside a block nats-server lets the value start on the next line.
                in.skipSpaces();
            }
        }
        block.put(key, keyPosition, value("key '" + key + "'"));
    }

    private String quotedKey() {
        ConfigPosition start = in.position();
        int quote = in.next();
        StringBuilder key = new StringBuilder();
        for (int c = in.next(); c != quote; c = in.next()) {
            if (c == SourceCursor.EOF) {
                throw new ConfigException(start, "unterminated quoted key");
            }
            key.append((char) c);
        }
        return key.toString();
    }

    private String unquotedKey() {
        int from = in.offset();
        while (in.peek() != SourceCursor.EOF && !SourceCursor.isSpace(in.peek())
                && in.peek() != ':' && in.peek() != '=') {
            in.next();
        }
        return in.text(from, in.offset());
    }

    /** {@code include path}: the included file's entries join this block; the path is relative to this file. */
    private void include(MapBuilder block) {
        in.skipBlanks();
        ConfigPosition position = in.position();
        int c = in.peek();
        String path;
        if (c == '"' || c == '\'') {
            path = quotedKey();
        } else if (c == '[' || c == '{' || c == '(' || c == '-' || c == '\\' || (c >= '0' && c <= '9')
                || SourceCursor.isNewLine(c) || c == SourceCursor.EOF) {
            throw in.error("expected an include path but got " + SourceCursor.describe(c));
        } else {
            int from = in.offset();
            while (!SourceCursor.isSpace(in.peek()) && in.peek() != SourceCursor.EOF
                    && in.peek() != ';' && in.peek() != '}') {
                in.next();
            }
            path = in.text(from, in.offset());
        }
        for (ConfigEntry e : includes.include(path, position).entries().values()) {
            block.put(e);
        }
    }

    private ConfigValue value(String owner) {
        in.skipBlanks();
        int c = in.peek();
        return switch (c) {
            case '[' -> array();
            case '{' -> block();
            case '"' -> scalars.doubleQuoted();
            case '\'' -> scalars.singleQuoted();
            case '(' -> scalars.block();
            case '-' -> scalars.negativeNumber();
            case '.' -> throw in.error("floats must start with a digit");
            case SourceCursor.EOF, '\n', '\r', ',', ';', '}', ']' ->
                    throw in.error("expected a value for " + owner + " but got " + SourceCursor.describe(c));
            default -> c >= '0' && c <= '9' ? scalars.number() : scalars.unquoted();
        };
    }

    private ConfigValue array() {
        ConfigPosition start = in.position();
        in.next();
        List<ConfigValue> values = new ArrayList<>();
        while (true) {
            in.skipSpaces();
            int c = in.peek();
            if (in.atComment()) {
                in.skipComment();
            } else if (c == ']') {
                in.next();
                return new ConfigArray(values, start);
            } else if (c == ',') {
                throw in.error("unexpected ',' in array: expected a value or ']'");
            } else if (c == SourceCursor.EOF) {
                throw in.error("unterminated array starting at " + start);
            } else {
                values.add(value("array element"));
                if (arrayValueEnd()) {
                    return new ConfigArray(values, start);
                }
            }
        }
    }

    /** True when the array ended. */
    private boolean arrayValueEnd() {
        while (true) {
            in.skipBlanks();
            int c = in.peek();
            if (in.atComment()) {
                in.skipComment();
            } else if (c == ',' || SourceCursor.isNewLine(c)) {
                in.next();
                return false;
            } else if (c == ']') {
                in.next();
                return true;
            } else {
                throw in.error("expected ',' or ']' after an array value but got " + SourceCursor.describe(c));
            }
        }
    }

    private ConfigValue block() {
        MapBuilder block = new MapBuilder(in.position());
        in.next();
        variables.enter(block);
        boolean ended = false;
        while (!ended) {
            in.skipSpaces();
            int c = in.peek();
            if (c == '}') {
                in.next();
                ended = true;
            } else if (in.atComment()) {
                in.skipComment();
            } else if (c == ']' || c == SourceCursor.EOF) {
                throw in.error("expected a key or '}' in block but got " + SourceCursor.describe(c));
            } else {
                entry(block, true);
                ended = blockValueEnd();
            }
        }
        variables.leave();
        return block.build();
    }

    /** True when the block ended. */
    private boolean blockValueEnd() {
        while (true) {
            in.skipBlanks();
            int c = in.peek();
            if (in.atComment()) {
                in.skipComment();
            } else if (c == ',' || c == ';' || SourceCursor.isNewLine(c)) {
                in.next();
                return false;
            } else if (c == '}') {
                in.next();
                return true;
            } else {
                throw in.error("expected ',', ';', a new line or '}' after a value but got "
                        + SourceCursor.describe(c));
            }
        }
    }

    private void topValueEnd() {
        in.skipBlanks();
        int c = in.peek();
        if (in.atComment()) {
            in.skipComment();
        } else if (c == SourceCursor.EOF) {
            return;
        } else if (SourceCursor.isNewLine(c) || c == ';' || c == ',' || c == '}') {
            in.next();
        } else {
            throw in.error("expected a new line, ';', ',' or a comment after a top-level value but got "
                    + SourceCursor.describe(c));
        }
    }
}
