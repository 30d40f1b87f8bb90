package io.hermod.core.config;

import io.hermod.core.config.ConfigValue.ConfigMap;
import io.hermod.core.config.ConfigValue.ConfigString;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;

/**
 * Resolves {@code $NAME} as nats-server does: the innermost open block that already defines {@code NAME} wins, then
 * the enclosing ones out to the top of the file (arrays do not count), then the environment, whose text is read as a
 * config value (so {@code PORT=4222} gives an integer). Each file has its own scope: an included file does not see
 * the variables of the file that includes it.
 */
final class VariableScope {
    /** nats-server keeps unquoted bcrypt hashes ({@code $2a$...}) as text instead of resolving them. */
    private static final String BCRYPT_PREFIX = "2a$";
    /** Bounds environment values that refer to other environment variables, e.g. to themselves. */
    private static final int MAX_ENVIRONMENT_DEPTH = 8;

    private final Deque<MapBuilder> open = new ArrayDeque<>();
    private final EnvironmentVariables environment;
    private final int environmentDepth;

    VariableScope(EnvironmentVariables environment, int environmentDepth) {
        this.environment = environment;
        this.environmentDepth = environmentDepth;
    }

    void enter(MapBuilder block) {
        open.push(block);
    }

    void leave() {
        open.pop();
    }

    ConfigValue resolve(String name, ConfigPosition reference) {
        if (name.startsWith(BCRYPT_PREFIX)) {
            return new ConfigString("$" + name, reference);
        }
        for (Iterator<MapBuilder> it = open.iterator(); it.hasNext(); ) {
            ConfigValue v = it.next().referTo(name);
            if (v != null) {
                return v.at(reference);
            }
        }
        return fromEnvironment(name)
                .map(v -> v.at(reference))
                .orElseThrow(() -> new ConfigException(reference,
                        "variable reference for '" + name + "' can not be found"));
    }

    private Optional<ConfigValue> fromEnvironment(String name) {
        Optional<String> text = environment.lookup(name);
        if (text.isEmpty() || environmentDepth >= MAX_ENVIRONMENT_DEPTH) {
            return Optional.empty();
        }
        // As nats-server: parse "pk=<value>"; a value that does not parse counts as not found.
        String key = "pk";
        try {
            VariableScope nested = new VariableScope(environment, environmentDepth + 1);
            ConfigMap parsed = new ConfigSyntaxReader(new SourceCursor(key + "=" + text.get(), "$" + name), nested,
                    IncludeResolver.NONE).read();
            return Optional.ofNullable(parsed.get(key));
        } catch (ConfigException e) {
            return Optional.empty();
        }
    }
}
