package io.hermod.cli.client.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code info} layout: one {@code label: value} per line with the labels right-aligned, in sections separated by
 * a blank line, as the {@code nats} CLI prints a stream's or a server's details.
 */
public final class KeyValueTable {
    private final List<String[]> lines = new ArrayList<>();

    public KeyValueTable section(String heading) {
        lines.add(new String[] {null, heading});
        return this;
    }

    public KeyValueTable add(String label, Object value) {
        lines.add(new String[] {label, value == null ? "" : String.valueOf(value)});
        return this;
    }

    public void print(PrintWriter out) {
        int width = lines.stream().filter(l -> l[0] != null).mapToInt(l -> l[0].length()).max().orElse(0);
        boolean first = true;
        for (String[] line : lines) {
            if (line[0] == null) {
                if (!first) {
                    out.println();
                }
                out.println(line[1] + ":");
                out.println();
            } else {
                out.println(("  " + " ".repeat(width - line[0].length()) + line[0] + ": " + line[1]).stripTrailing());
            }
            first = false;
        }
        out.flush();
    }
}
