package io.hermod.cli.jetstream;

import io.hermod.cli.client.CommandFailure;
import io.hermod.cli.client.ExitCodes;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.support.JsonParseException;
import io.nats.client.support.JsonParser;
import io.nats.client.support.JsonValue;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

/**
 * A stream or consumer configuration read from a JSON file in NATS's own format (what {@code nats stream info
 * --json} prints under {@code config}, nanoseconds for durations), as the {@code nats} CLI's {@code --config} reads.
 */
final class ConfigFile {
    private ConfigFile() {
    }

    static StreamConfiguration stream(Path file, PrintWriter warnings) {
        String json = readObject(file, ConfigFields.STREAM, warnings);
        try {
            return StreamConfiguration.instance(json);
        } catch (JsonParseException | IllegalArgumentException e) {
            throw invalid(file, e);
        }
    }

    static ConsumerConfiguration consumer(Path file, PrintWriter warnings) {
        String json = readObject(file, ConfigFields.CONSUMER, warnings);
        try {
            return ConsumerConfiguration.builder().json(json).build();
        } catch (JsonParseException | IllegalArgumentException e) {
            throw invalid(file, e);
        }
    }

    /** jnats checks names and limits as it builds: what it refuses is a usage error. */
    static StreamConfiguration build(StreamConfiguration.Builder b) {
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCodes.USAGE, e.getMessage());
        }
    }

    static ConsumerConfiguration build(ConsumerConfiguration.Builder b) {
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCodes.USAGE, e.getMessage());
        }
    }

    /**
     * The file's text, once it is known to hold a JSON object; a field outside {@code known} is warned about on
     * {@code warnings}, since jnats would drop it without a word.
     */
    private static String readObject(Path file, Set<String> known, PrintWriter warnings) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CommandFailure(ExitCodes.USAGE, "cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.USAGE, "cannot read " + file + ": " + e.getMessage());
        }
        JsonValue value;
        try {
            value = JsonParser.parse(text);
        } catch (JsonParseException e) {
            throw invalid(file, e);
        }
        if (value.type != JsonValue.Type.MAP) {
            throw new CommandFailure(ExitCodes.USAGE, file + " does not hold a JSON object");
        }
        for (String field : value.map.keySet()) {
            if (!known.contains(field)) {
                warnings.println("hermod: warning: " + file + ": unknown field \"" + field + "\" ignored");
                warnings.flush();
            }
        }
        return text;
    }

    private static RuntimeException invalid(Path file, Exception e) {
        return new CommandFailure(ExitCodes.USAGE, "invalid configuration in " + file + ": " + e.getMessage());
    }
}
