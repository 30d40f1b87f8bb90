package io.hermod.core.config;

import java.util.Objects;

/**
 * Where a key or value starts in a config file: 1-based line and column, so messages read like compiler errors
 * ({@code hermod.conf:3:7}).
 */
public record ConfigPosition(String file, int line, int column) {
    public ConfigPosition {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
