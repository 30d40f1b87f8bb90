package io.hermod.store;

import java.time.Duration;
import java.util.Objects;

/**
 * What the store needs of a stream's configuration: its name, storage, limits and sync policy. Unlimited values
 * are {@code -1} (counts, sizes) or {@link Duration#ZERO} (age).
 *
 * @param syncInterval {@link Duration#ZERO} (the default): every write is fsynced before its future completes,
 *     one fsync per group of writes waiting at that moment; otherwise writes complete once in the log (page
 *     cache) and the log is fsynced at this interval, so a machine crash may lose up to that much
 * @param duplicateWindow how long a message id given to {@link StreamStore#appendOnce} is remembered (NATS's
 *     {@code duplicate_window}, default 2 minutes); {@link Duration#ZERO}: never
 */
public record StreamStoreConfig(String name, StorageType storage, long maxMsgs, long maxBytes, Duration maxAge,
        int maxMsgSize, long maxMsgsPerSubject, DiscardPolicy discard, Duration syncInterval,
        Duration duplicateWindow) {

    public StreamStoreConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(discard, "discard");
        Objects.requireNonNull(syncInterval, "syncInterval");
        Objects.requireNonNull(duplicateWindow, "duplicateWindow");
        if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == '.' || c == '*' || c == '>'
                || c == '/' || c == '\\')) {
            throw new IllegalArgumentException("invalid stream name: '" + name + "'");
        }
        if (maxAge.isNegative() || syncInterval.isNegative() || duplicateWindow.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    /** A stream without limits, durable, on file. */
    public static StreamStoreConfig of(String name) {
        return new StreamStoreConfig(name, StorageType.FILE, -1, -1, Duration.ZERO, -1, -1, DiscardPolicy.OLD,
                Duration.ZERO, Duration.ofMinutes(2));
    }

    public StreamStoreConfig withStorage(StorageType value) {
        return new StreamStoreConfig(name, value, maxMsgs, maxBytes, maxAge, maxMsgSize, maxMsgsPerSubject, discard,
                syncInterval, duplicateWindow);
    }

    public StreamStoreConfig withMaxMsgs(long value) {
        return new StreamStoreConfig(name, storage, value, maxBytes, maxAge, maxMsgSize, maxMsgsPerSubject, discard,
                syncInterval, duplicateWindow);
    }

    public StreamStoreConfig withMaxBytes(long value) {
        return new StreamStoreConfig(name, storage, maxMsgs, value, maxAge, maxMsgSize, maxMsgsPerSubject, discard,
                syncInterval, duplicateWindow);
    }

    public StreamStoreConfig withMaxAge(Duration value) {
        return new StreamStoreConfig(name, storage, maxMsgs, maxBytes, value, maxMsgSize, maxMsgsPerSubject, discard,
                syncInterval, duplicateWindow);
    }

    public StreamStoreConfig withMaxMsgSize(int value) {
        return new StreamStoreConfig(name, storage, maxMsgs, maxBytes, maxAge, value, maxMsgsPerSubject, discard,
                syncInterval, duplicateWindow);
    }

    public StreamStoreConfig withMaxMsgsPerSubject(long value) {
        return new StreamStoreConfig(name, storage, maxMsgs, maxBytes, maxAge, maxMsgSize, value, discard,
                syncInterval, duplicateWindow);
    }

    public StreamStoreConfig withDiscard(DiscardPolicy value) {
        return new StreamStoreConfig(name, storage, maxMsgs, maxBytes, maxAge, maxMsgSize, maxMsgsPerSubject, value,
                syncInterval, duplicateWindow);
    }

    public StreamStoreConfig withSyncInterval(Duration value) {
        return new StreamStoreConfig(name, storage, maxMsgs, maxBytes, maxAge, maxMsgSize, maxMsgsPerSubject, discard,
                value, duplicateWindow);
    }

    public StreamStoreConfig withDuplicateWindow(Duration value) {
        return new StreamStoreConfig(name, storage, maxMsgs, maxBytes, maxAge, maxMsgSize, maxMsgsPerSubject, discard,
                syncInterval, value);
    }

    public boolean durable() {
        return syncInterval.isZero();
    }
}
