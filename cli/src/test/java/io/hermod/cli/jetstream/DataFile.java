package io.hermod.cli.jetstream;

import java.nio.file.Files;
import java.nio.file.Path;

/** The committed examples of the repository's {@code data/} folder that the commands' tests read. */
final class DataFile {
    private DataFile() {
    }

    /** A file of {@code data/}, found from the module's directory. */
    static Path path(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("data/" + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
