package io.hermod.core.config;

import io.hermod.core.config.ConfigValue.ConfigMap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Parses nats-server configuration files into a {@link ConfigMap} tree whose every node knows its file, line and
 * column. Follows nats-server 2.9's syntax; see {@link ConfigSyntaxReader} and {@link ScalarLexer} for the details.
 * Thread-safe: each parse has its own state.
 */
public final class ConfigParser {
    /** nats-server would recurse forever on an include cycle; we stop and say so. */
    private static final int MAX_INCLUDE_DEPTH = 32;

    private final EnvironmentVariables environment;

    public ConfigParser() {
        this(EnvironmentVariables.system());
    }

    public ConfigParser(EnvironmentVariables environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** @throws ConfigException when the file, or a file it includes, can not be read or parsed */
    public ConfigMap parseFile(Path file) {
        return parse(read(file, null), file, new ArrayDeque<>());
    }

    /**
     * Parses {@code text} as if it were the content of {@code source}: positions name {@code source} and includes
     * are relative to its directory.
     */
    public ConfigMap parseText(String text, Path source) {
        return parse(text, source, new ArrayDeque<>());
    }

    private ConfigMap parse(String text, Path source, Deque<Path> including) {
        Path identity = source.toAbsolutePath().normalize();
        including.push(identity);
        try {
            IncludeResolver includes = (path, position) -> include(source, path, position, including);
            VariableScope variables = new VariableScope(environment, 0);
            return new ConfigSyntaxReader(new SourceCursor(text, source.toString()), variables, includes).read();
        } finally {
            including.pop();
        }
    }

    private ConfigMap include(Path includer, String path, ConfigPosition position, Deque<Path> including) {
        // As Go's filepath.Join(filepath.Dir(includer), path) in nats-server: even an absolute path is taken as
        // relative to the including file's directory.
        Path directory = includer.getParent() == null ? Path.of(".") : includer.getParent();
        Path file = Path.of(directory.toString(), path).normalize();
        if (including.contains(file.toAbsolutePath().normalize())) {
            throw new ConfigException(position, "include cycle: '" + path + "' is already being included");
        }
        if (including.size() >= MAX_INCLUDE_DEPTH) {
            throw new ConfigException(position, "includes nested deeper than " + MAX_INCLUDE_DEPTH);
        }
        return parse(read(file, position), file, including);
    }

    private static String read(Path file, ConfigPosition includedAt) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            String message = "can not read config file " + file + ": " + e;
            if (includedAt != null) {
                throw new ConfigException(includedAt, message);
            }
            throw new ConfigException(message, e);
        }
    }
}
