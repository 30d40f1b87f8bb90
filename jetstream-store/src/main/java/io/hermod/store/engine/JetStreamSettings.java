package io.hermod.store.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the JetStream service runs: where its store is, the server-wide limits of memory and file storage (-1: none)
 * and the sync interval of file streams ({@link Duration#ZERO}: fsync before every acknowledgement).
 */
public record JetStreamSettings(Path storeDir, long maxMemoryStore, long maxFileStore, Duration syncInterval) {

    public JetStreamSettings {
        Objects.requireNonNull(storeDir, "storeDir");
        Objects.requireNonNull(syncInterval, "syncInterval");
    }

    public static JetStreamSettings of(Path storeDir) {
        return new JetStreamSettings(storeDir, -1, -1, Duration.ZERO);
    }
}
