package io.hermod.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The named numbers a benchmark run produced, in the order they were added; what --csv and --json print. */
final class Figures {
    /** One measured number; {@code name} is snake_case and carries the unit so JSON keys stand alone. */
    record Figure(String name, double value, String unit) {
        String formattedValue() {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return "";
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return String.format(Locale.ROOT, "%.3f", value);
        }
    }

    private final String mode;
    private final List<Figure> figures = new ArrayList<>();

    Figures(String mode) {
        this.mode = mode;
    }

    Figures add(String name, double value, String unit) {
        figures.add(new Figure(name, value, unit));
        return this;
    }

    String mode() {
        return mode;
    }

    List<Figure> all() {
        return List.copyOf(figures);
    }

    /** One row per figure under a {@code mode,figure,value,unit} header: easy to grep and to load. */
    String toCsv() {
        StringBuilder out = new StringBuilder("mode,figure,value,unit\n");
        for (Figure f : figures) {
            out.append(mode).append(',').append(f.name).append(',').append(f.formattedValue()).append(',')
                    .append(f.unit).append('\n');
        }
        return out.toString();
    }

    /** A flat JSON object on one line; names and the mode are plain identifiers, so no escaping is needed. */
    String toJson() {
        StringBuilder out = new StringBuilder("{\"mode\":\"").append(mode).append('"');
        for (Figure f : figures) {
            String value = f.formattedValue();
            out.append(",\"").append(f.name).append("\":").append(value.isEmpty() ? "null" : value);
        }
        return out.append("}\n").toString();
    }
}
