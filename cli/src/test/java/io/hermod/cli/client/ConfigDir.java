package io.hermod.cli.client;

import io.hermod.cli.client.context.ContextStore;

import java.nio.file.Path;

/**
 * Points the context store at a test's temporary directory, so tests never read or write the user's real
 * {@code ~/.config/hermod}; close to restore.
 */
public final class ConfigDir implements AutoCloseable {
    private final String previous;

    private ConfigDir(Path dir) {
        previous = System.getProperty(ContextStore.DIR_PROPERTY);
        System.setProperty(ContextStore.DIR_PROPERTY, dir.toString());
    }

    public static ConfigDir at(Path dir) {
        return new ConfigDir(dir);
    }

    @Override
    public void close() {
        if (previous == null) {
            System.clearProperty(ContextStore.DIR_PROPERTY);
        } else {
            System.setProperty(ContextStore.DIR_PROPERTY, previous);
        }
    }
}
