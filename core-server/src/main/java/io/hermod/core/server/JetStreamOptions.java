package io.hermod.core.server;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of a {@code jetstream { ... }} block besides its store directory (which is
 * {@link ServerOptions#storeDir()}, shared with the {@code -sd} flag).
 *
 * @param maxMemoryStore bytes all memory streams together may reserve; -1: no limit
 * @param maxFileStore bytes all file streams together may reserve; -1: no limit
 * @param syncInterval {@link Duration#ZERO}: fsync before every acknowledgement; otherwise the interval at which
 *     stream logs are fsynced, acknowledging writes before that
 */
public record JetStreamOptions(long maxMemoryStore, long maxFileStore, Duration syncInterval) {
    public static final JetStreamOptions DEFAULTS = new JetStreamOptions(-1, -1, Duration.ZERO);

    public JetStreamOptions {
        Objects.requireNonNull(syncInterval, "syncInterval");
        if (syncInterval.isNegative()) {
            throw new IllegalArgumentException("sync_interval must not be negative: " + syncInterval);
        }
    }
}
