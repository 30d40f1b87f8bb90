package io.hermod.core.monitor;

import java.util.Map;

/**
 * Writes the Prometheus text exposition format (version 0.0.4): per metric a {@code # HELP} and a {@code # TYPE}
 * line, then its sample. Single-threaded; one per response.
 */
final class PrometheusText {
    private final StringBuilder out = new StringBuilder(2048);

    PrometheusText counter(String name, String help, double value) {
        return metric(name, "counter", help, value);
    }

    PrometheusText gauge(String name, String help, double value) {
        return metric(name, "gauge", help, value);
    }

    private PrometheusText metric(String name, String type, String help, double value) {
        out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        out.append(name).append(' ').append(format(value)).append('\n');
        return this;
    }

    /**
     * A metric with one sample per label set ({@code name{stream="a"} sample}; keys made by {@link #labels}),
     * HELP and TYPE once; nothing at all when there are no samples, as Prometheus clients do.
     */
    PrometheusText labelled(String name, String type, String help, Map<String, Double> samples) {
        if (samples.isEmpty()) {
            return this;
        }
        out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        samples.forEach((labels, sample) -> out.append(name).append('{').append(labels).append("} ")
                .append(format(sample)).append('\n'));
        return this;
    }

    /** A label set from name/value pairs, values escaped: {@code labels("stream", "a")} is {@code stream="a"}. */
    static String labels(String... namesAndValues) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(namesAndValues[i]).append("=\"").append(escapeLabel(namesAndValues[i + 1])).append('"');
        }
        return b.toString();
    }

    /** Plain decimal notation (no exponent), integers without a fraction. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
        }
        return java.math.BigDecimal.valueOf(value).toPlainString();
    }

    private static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
