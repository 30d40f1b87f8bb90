package io.hermod.core.config;

/**
 * A config file that can not be read, parsed or applied. The message starts with the position when there is one,
 * so the caller can print it as is.
 */
public final class ConfigException extends RuntimeException {
    private final transient ConfigPosition position;

    public ConfigException(ConfigPosition position, String message) {
        super(position + ": " + message);
        this.position = position;
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
        this.position = null;
    }

    /** May be null when the failure has no place in a file (e.g. the file can not be opened). */
    public ConfigPosition position() {
        return position;
    }
}
