package io.hermod.cli.client.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table printed with aligned columns: text left-aligned, numbers right-aligned, a rule under the header, an
 * optional title above. Cells are {@code String.valueOf} of what is added; null prints empty.
 */
public final class Table {
    private static final String GAP = "  ";

    private final String title;
    private final List<String> headers;
    private final List<List<Object>> rows = new ArrayList<>();

    private Table(String title, List<String> headers) {
        this.title = title;
        this.headers = headers;
    }

    public static Table withHeaders(String... headers) {
        return new Table(null, List.of(headers));
    }

    public static Table titled(String title, String... headers) {
        return new Table(title, List.of(headers));
    }

    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " columns");
        }
        rows.add(Arrays.asList(cells));
        return this;
    }

    public int size() {
        return rows.size();
    }

    public void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<Object> row : rows) {
                widths[c] = Math.max(widths[c], text(row.get(c)).length());
            }
        }
        if (title != null) {
            out.println(title);
            out.println();
        }
        StringBuilder header = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            header.append(c == 0 ? "" : GAP).append(pad(headers.get(c), widths[c], false));
            rule.append(c == 0 ? "" : GAP).append("-".repeat(widths[c]));
        }
        out.println(header.toString().stripTrailing());
        out.println(rule);
        for (List<Object> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                Object cell = row.get(c);
                line.append(c == 0 ? "" : GAP).append(pad(text(cell), widths[c], cell instanceof Number));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    private static String text(Object cell) {
        return cell == null ? "" : String.valueOf(cell);
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }
}
