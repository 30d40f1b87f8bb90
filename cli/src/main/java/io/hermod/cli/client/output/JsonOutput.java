package io.hermod.cli.client.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code --json} for read commands ({@code @Mixin JsonOutput json}): when given, the command prints one JSON
 * document (Jackson, indented) with {@link #print} instead of its table.
 */
public final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    @Option(names = "--json", description = "Print JSON instead of a table, for scripts.")
    private boolean json;

    public boolean enabled() {
        return json;
    }

    /** Prints names as one JSON array with {@code --json}, else one a line (the {@code ls --names} output). */
    public void printNames(PrintWriter out, List<String> names) {
        if (json) {
            print(out, names);
        } else {
            names.forEach(out::println);
            out.flush();
        }
    }

    /** Prints {@code value} (records, maps, lists, Jackson trees) as indented JSON. */
    public static void print(PrintWriter out, Object value) {
        out.println(write(MAPPER, value));
        out.flush();
    }

    /** Prints {@code value} on one line, for streams of JSON documents (one per message). */
    public static void printLine(PrintWriter out, Object value) {
        out.println(write(COMPACT, value));
        out.flush();
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
