package io.hermod.core.differential;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a client saw from the server: the CRLF-terminated lines in order (INFO lines reduced to {@code INFO}) and
 * whether the server closed the connection at the end.
 */
public record Transcript(List<String> lines, boolean closed) {
    public static final String INFO = "INFO";
    private static final Pattern INFO_LINE = Pattern.compile("INFO \\{.*\\} ");

    public Transcript {
        lines = List.copyOf(lines);
    }

    public static Transcript open(String... lines) {
        return new Transcript(List.of(lines), false);
    }

    public static Transcript closed(String... lines) {
        return new Transcript(List.of(lines), true);
    }

    /**
     * INFO lines carry ids, ports and client ids, so a well-formed {@code INFO {...} } line (nats-server ends it
     * with a space before CRLF) becomes {@code INFO}; anything else is kept byte for byte.
     */
    public static String normalise(String line) {
        return INFO_LINE.matcher(line).matches() ? INFO : line;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")).append("\\r\\n\n");
        }
        return text.append(closed ? "<closed by server>" : "<open>").toString();
    }
}
