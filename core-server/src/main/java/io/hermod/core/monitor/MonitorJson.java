package io.hermod.core.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.hermod.core.json.GoCharacterEscapes;

import java.io.UncheckedIOException;

/**
 * JSON as nats-server's monitoring writes it ({@code json.MarshalIndent(v, "", "  ")}): two-space indentation,
 * {@code "key": value}, one array element per line, {@code []} and {@code {}} for empty containers, and Go's
 * escaping of strings ({@code "a.>"} is written {@code "a.&#92;u003e"}).
 */
final class MonitorJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter INDENTED;
    private static final ObjectWriter COMPACT = MAPPER.writer();

    static {
        MAPPER.getFactory().setCharacterEscapes(new GoCharacterEscapes());
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        INDENTED = MAPPER.writer(printer);
    }

    private MonitorJson() {
    }

    static byte[] indented(Object value) {
        try {
            return INDENTED.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a JSON document written elsewhere (JetStream's stream details), to be written with the rest. */
    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] compact(Object value) {
        try {
            return COMPACT.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
