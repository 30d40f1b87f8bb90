package io.hermod.core.config;

import io.hermod.core.config.ConfigValue.ConfigMap;

/** Reads the file named by an {@code include} directive; the parser supplies one that knows the including file. */
@FunctionalInterface
interface IncludeResolver {
    IncludeResolver NONE = (path, position) -> {
        throw new ConfigException(position, "include is not allowed here");
    };

    ConfigMap include(String path, ConfigPosition position);
}
