package io.hermod.core.monitor;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format for label-free metrics: every sample must follow its own
 * {@code # HELP} and {@code # TYPE} lines, names must be valid metric names, values must parse, nothing repeats.
 */
final class PrometheusSamples {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .+");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ") (\\S+)");

    private final Map<String, Double> values = new HashMap<>();
    private final Map<String, String> types = new HashMap<>();

    static PrometheusSamples parse(String text) {
        if (!text.endsWith("\n")) {
            throw new AssertionError("exposition must end with a newline");
        }
        PrometheusSamples out = new PrometheusSamples();
        String helpFor = null;
        String typeFor = null;
        for (String line : text.split("\n")) {
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                helpFor = m.group(1);
            } else if ((m = TYPE.matcher(line)).matches()) {
                if (!m.group(1).equals(helpFor)) {
                    throw new AssertionError("TYPE without HELP: " + line);
                }
                typeFor = m.group(1);
                out.types.put(typeFor, m.group(2));
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                String name = m.group(1);
                if (!name.equals(typeFor)) {
                    throw new AssertionError("sample without its HELP and TYPE: " + line);
                }
                if (out.values.put(name, Double.parseDouble(m.group(2))) != null) {
                    throw new AssertionError("repeated sample: " + line);
                }
            } else {
                throw new AssertionError("not Prometheus text format: '" + line + "'");
            }
        }
        return out;
    }

    double value(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new AssertionError("no sample " + name + " in " + values.keySet());
        }
        return v;
    }

    String type(String name) {
        return types.get(name);
    }
}
