package io.hermod.cli.client;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Points the context store at a directory of the test's own, by a {@link ConfigDir} opened before each test and
 * closed after it. The directory is asked for only when the test starts, so it may lie in the test's
 * {@code @TempDir}: {@code @RegisterExtension final ConfigDirPerTest config = new ConfigDirPerTest(() -> dir.resolve("config"));}
 */
public final class ConfigDirPerTest implements BeforeEachCallback, AfterEachCallback {
    private final Supplier<Path> dir;
    private ConfigDir current;

    public ConfigDirPerTest(Supplier<Path> dir) {
        this.dir = dir;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        current = ConfigDir.at(dir.get());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
