package io.hermod.properties;

import io.hermod.core.config.ConfigParser;
import io.hermod.core.config.EnvironmentVariables;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

/**
 * Any config tree written out in any of the nats-server syntax forms (each key separator, quoted or not where
 * legal, size suffixes, boolean words, commas, semicolons or new lines, comments interleaved) reads back as the
 * same tree.
 */
class ConfigParserProperties {

    @Test
    void everyWrittenFormOfATreeParsesBackToThatTree() {
        ConfigParser parser = new ConfigParser(EnvironmentVariables.of(Map.of()));
        qt().withExamples(1500).forAll(documents()).checkAssert(doc ->
                assertEquals(doc.tree(), parser.parseText(doc.text(), Path.of("generated.conf")).toPlain(),
                        doc.text()));
    }

    /** A generated tree and one way of writing it. */
    record Document(Map<String, Object> tree, String text) {
        @Override
        public String toString() {
            return "\n----\n" + text + "\n----\n" + tree;
        }
    }

    private static Gen<Document> documents() {
        return in -> new DocumentWriter(in).document();
    }

    /** Draws the tree and every writing choice from the same randomness, so QuickTheories can shrink both. */
    private static final class DocumentWriter {
        private static final int MAX_DEPTH = 3;
        private static final Pattern BARE_WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*");
        private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
        private static final List<String> BOOLEAN_WORDS = List.of("true", "false", "yes", "no", "on", "off");
        private static final String STRING_CHARS = "abcXYZ019_-./ \t\n\r#$,;:=[]{}()'\"\\\u00e9\u4e2d\u0001";
        private static final String KEY_CHARS = "abcXYZ019_-. #$,;:=[]{}()\u00e9";
        private static final String[] COMMENTS = {"# note", "// note", "#", "# a: [1, 2] } ;", "//{"};
        private static final String[] KEY_SEPARATORS = {": ", ":", " = ", "=", " ", "\t", " :\t"};
        private static final String[] TOP_ONLY_SEPARATORS = {" \n  "};
        private static final String[] BLOCK_ONLY_SEPARATORS = {":\n  ", " =\n", "\n  "};

        private final RandomnessSource in;
        private final StringBuilder out = new StringBuilder();
        /** Set when the value just written is a block string, which must be followed by a new line. */
        private boolean needsNewLine;

        DocumentWriter(RandomnessSource in) {
            this.in = in;
        }

        Document document() {
            Map<String, Object> tree = map(0);
            boolean braces = chance(8);
            if (braces) {
                out.append("{\n");
            }
            maybeCommentLines();
            entries(tree, true);
            if (braces) {
                out.append(needsNewLine ? "\n}" : " }");
            }
            return new Document(tree, out.toString());
        }

        // ---- the tree

        private Object value(int depth) {
            int kind = pick(depth < MAX_DEPTH ? 5 : 3);
            return switch (kind) {
                case 0 -> string(STRING_CHARS, 8);
                case 1 -> integer();
                case 2 -> pick(2) == 0;
                case 3 -> array(depth + 1);
                default -> map(depth + 1);
            };
        }

        private Map<String, Object> map(int depth) {
            Map<String, Object> m = new LinkedHashMap<>();
            int size = pick(depth == 0 ? 7 : 4);
            for (int i = 0; i < size; i++) {
                String key = pick(3) == 0 ? string(KEY_CHARS, 6) : string("abcdefgxyz_", 5);
                if (!key.isEmpty()) {
                    m.put(key, value(depth));
                }
            }
            return m;
        }

        private List<Object> array(int depth) {
            List<Object> a = new ArrayList<>();
            int size = pick(4);
            for (int i = 0; i < size; i++) {
                a.add(value(depth));
            }
            return a;
        }

        private String string(String alphabet, int maxLength) {
            int length = pick(maxLength + 1);
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < length; i++) {
                s.append(alphabet.charAt(pick(alphabet.length())));
            }
            return s.toString();
        }

        private long integer() {
            long[] units = {1, 1000, 1024, 1000_000, 1L << 20, 1000_000_000L, 1L << 30, 1L << 40};
            long small = in.next(Constraint.between(-5000, 5000));
            return pick(8) == 0 ? in.next(Constraint.between(Long.MIN_VALUE + 1, Long.MAX_VALUE))
                    : small * units[pick(units.length)];
        }

        // ---- writing

        private void entries(Map<String, Object> m, boolean top) {
            int i = 0;
            for (Map.Entry<String, Object> e : m.entrySet()) {
                if (i++ > 0) {
                    entrySeparator(top);
                }
                writeKey(e.getKey());
                writeKeySeparator(e.getValue(), top);
                writeValue(e.getValue());
            }
            if (!m.isEmpty()) {
                String[] endings = top ? new String[] {"", "\n", ";", ",\n", " # end"} : new String[] {"", "\n", ",", ";"};
                out.append(needsNewLine ? "\n" : endings[pick(endings.length)]);
                needsNewLine = false;
            }
        }

        private void entrySeparator(boolean top) {
            String[] separators = {"\n", "; ", ",", ", ", " # note\n", "\n\n  // own line\n", " ;\n"};
            String s = separators[pick(separators.length)];
            // After a block string's ')' only a new line may come; a ';' on the next line would start a key.
            out.append(needsNewLine && s.charAt(0) != '\n' ? "\n" : s);
            needsNewLine = false;
            if (!top && pick(6) == 0) {
                out.append("  ");
            }
        }

        private void writeKey(String key) {
            boolean bare = BARE_KEY.matcher(key).matches() && !key.equalsIgnoreCase("include");
            if (bare && pick(3) > 0) {
                out.append(key);
            } else if (pick(2) == 0) {
                out.append('"').append(key).append('"');
            } else {
                out.append('\'').append(key).append('\'');
            }
        }

        private void writeKeySeparator(Object value, boolean top) {
            if (value instanceof Map && pick(3) == 0) {
                out.append(' ');
                return;
            }
            String[] extra = top ? TOP_ONLY_SEPARATORS : BLOCK_ONLY_SEPARATORS;
            int i = pick(KEY_SEPARATORS.length + extra.length);
            out.append(i < KEY_SEPARATORS.length ? KEY_SEPARATORS[i] : extra[i - KEY_SEPARATORS.length]);
        }

        @SuppressWarnings("unchecked")
        private void writeValue(Object value) {
            needsNewLine = false;
            if (value instanceof String s) {
                writeString(s);
            } else if (value instanceof Long n) {
                writeInteger(n);
            } else if (value instanceof Boolean b) {
                writeBoolean(b);
            } else if (value instanceof List<?> list) {
                writeArray(list);
            } else {
                out.append('{');
                maybeCommentLines();
                entries((Map<String, Object>) value, false);
                out.append('}');
            }
        }

        private void writeString(String s) {
            boolean bare = BARE_WORD.matcher(s).matches() && !BOOLEAN_WORDS.contains(s.toLowerCase(Locale.ROOT));
            boolean block = s.endsWith("\n") && !s.substring(0, s.length() - 1).contains("\n)");
            int form = pick(4);
            if (form == 0 && bare) {
                out.append(s);
            } else if (form == 1 && s.indexOf('\'') < 0) {
                out.append('\'').append(s).append('\'');
            } else if (form == 2 && block) {
                out.append('(').append(s).append(')');
                needsNewLine = true;
            } else {
                out.append('"');
                for (char c : s.toCharArray()) {
                    out.append(switch (c) {
                        case '"' -> "\\\"";
                        case '\\' -> "\\\\";
                        case '\t' -> pick(2) == 0 ? "\\t" : "\t";
                        case '\n' -> pick(2) == 0 ? "\\n" : "\n";
                        case '\r' -> "\\r";
                        default -> c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c);
                    });
                }
                out.append('"');
            }
        }

        private void writeInteger(long n) {
            String[][] suffixes = {
                    {"k", "K"}, {"kb", "KB", "Ki", "KiB", "kib"}, {"m", "M"}, {"mb", "MB", "Mi", "MiB"},
                    {"g", "G"}, {"gb", "GB", "Gi", "GiB"}, {"t", "T"}, {"tb", "TB", "Ti", "TiB"}};
            long[] units = {1000, 1L << 10, 1000_000, 1L << 20, 1000_000_000L, 1L << 30, 1000_000_000_000L, 1L << 40};
            int i = pick(units.length + 1);
            if (i < units.length && n != 0 && n % units[i] == 0) {
                out.append(n / units[i]).append(suffixes[i][pick(suffixes[i].length)]);
            } else {
                out.append(n);
            }
        }

        private void writeBoolean(boolean b) {
            String word = BOOLEAN_WORDS.get((b ? 0 : 1) + 2 * pick(3));
            out.append(switch (pick(3)) {
                case 0 -> word;
                case 1 -> word.toUpperCase(Locale.ROOT);
                default -> Character.toUpperCase(word.charAt(0)) + word.substring(1);
            });
        }

        private void writeArray(List<?> list) {
            out.append('[');
            maybeCommentLines();
            String[] separators = {",", ", ", "\n", ",\n", " # note\n", ", // note\n", "\n\n"};
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    String s = separators[pick(separators.length)];
                    out.append(needsNewLine && s.charAt(0) != '\n' ? "\n" : s);
                }
                writeValue(list.get(i));
            }
            if (needsNewLine) {
                out.append('\n');
            } else if (!list.isEmpty() && pick(4) == 0) {
                out.append(pick(2) == 0 ? "," : ",\n");
            }
            needsNewLine = false;
            // nats-server 2.9 reads "1]" as the start of a string, so keep generated files valid for it too.
            if (Character.isDigit(out.charAt(out.length() - 1))) {
                out.append(' ');
            }
            out.append(']');
        }

        private void maybeCommentLines() {
            int n = pick(6) == 0 ? 1 + pick(2) : 0;
            for (int i = 0; i < n; i++) {
                out.append("\n  ").append(COMMENTS[pick(COMMENTS.length)]).append('\n');
            }
        }

        private boolean chance(int oneIn) {
            return pick(oneIn) == 0;
        }

        private int pick(int n) {
            return n <= 1 ? 0 : (int) in.next(Constraint.between(0, n - 1));
        }
    }
}
