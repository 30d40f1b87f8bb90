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
     * A metric with one sample per label value ({@code name{label="value"} sample}), HELP and TYPE once; nothing
     * at all when there are no samples, as Prometheus clients do.
     */
    PrometheusText labelled(String name, String type, String help, String label, Map<String, Double> samples) {
        if (samples.isEmpty()) {
            return this;
        }
        out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        samples.forEach((value, sample) -> out.append(name).append('{').append(label).append("=\"")
                .append(escapeLabel(value)).append("\"} ").append(format(sample)).append('\n'));
        return this;
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
