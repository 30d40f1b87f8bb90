package io.hermod.store.file;

import io.hermod.store.StreamStoreConfig;
import io.hermod.store.kv.KeyValueStorage;
import java.nio.file.Path;

/**
 * Rebuilds a file stream's derived indexes from its log, the log being the truth: drops every index key of the
 * stream, then opens it the way the server does, so {@link StreamLoader} replays the whole log (dropping a torn
 * tail and sealing it with a recovery marker) and commits fresh indexes. A crash half-way leaves no indexes, which
 * the server rebuilds the same way on start. The server must not be running on the store.
 */
public final class IndexRebuild {
    private IndexRebuild() {
    }

    /** Rebuilds and closes the stream; returns what the replay found. */
    public static RecoveryReport rebuild(KeyValueStorage kv, Path logDirectory, StreamStoreConfig config,
            FileStoreOptions options) {
        new StreamIndexStore(kv, config.name()).deleteAll(true);
        try (FileStreamStore store = FileStreamStore.open(kv, logDirectory, config, options)) {
            return store.recovery();
        }
    }

    /** Removes the index keys left by a stream whose configuration is gone. */
    static void dropOrphan(KeyValueStorage kv, String stream) {
        new StreamIndexStore(kv, stream).deleteAll(true);
    }
}
