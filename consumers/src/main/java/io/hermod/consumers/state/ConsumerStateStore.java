package io.hermod.consumers.state;

import io.hermod.consumers.ack.AckStateChanges;
import io.hermod.consumers.ack.StoredAckState;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where consumers' configurations and acknowledgement states are kept: {@link RocksConsumerStateStore} in the
 * store's RocksDB for file-backed consumers, {@link MemoryConsumerStateStore} for {@code mem_storage} ones.
 *
 * <p>Each {@link #write} applies one {@link AckStateChanges} atomically: after a crash a consumer's state is that of
 * some completed write, never a mix. When {@code write} returns, the change survives a crash of the process (the
 * RocksDB implementation can also be asked to survive a machine crash; see there).
 *
 * <p>Thread-safe; writes of one consumer must come from one thread at a time (its delivery thread).
 */
public interface ConsumerStateStore {
    CompletableFuture<Void> WRITTEN = CompletableFuture.completedFuture(null);

    /** Stores (or replaces) a consumer's configuration; durable before it returns. */
    void saveConfig(ConsumerRecord consumer);

    Optional<ConsumerRecord> loadConfig(ConsumerId id);

    /** The stored consumers of a stream, ordered by name. */
    List<ConsumerRecord> consumers(String stream);

    /**
     * Applies one batch of changes of a consumer's acknowledgement state atomically: at once, or, inside a write
     * group of this thread, when the group is flushed.
     */
    void write(ConsumerId id, AckStateChanges changes);

    /**
     * Holds this thread's {@link #write}s from now on and writes them together when the group is flushed or ends,
     * so a worker task that applies a thousand acknowledgements writes once, not a thousand times. Each write stays
     * atomic (the group is), and nothing else this store does is reordered around them: any other change or read
     * flushes the group first. Groups nest (only the outermost ends it).
     */
    default void beginGroup() {
    }

    /** Writes what this thread's group holds so far; the group goes on. */
    default void flushGroup() {
    }

    /** Writes what this thread's group holds and ends it (the outermost end does). */
    default void endGroup() {
    }

    /** Completes once every {@link #write} this thread made so far is written: at once outside a group. */
    default CompletableFuture<Void> written() {
        return WRITTEN;
    }

    /** The acknowledgement state last written, or empty when none was. */
    Optional<StoredAckState> loadState(ConsumerId id);

    /**
     * Stores the start list of a {@code last_per_subject} consumer (the last sequence of each subject when it was
     * created, which it delivers before going on with newer messages); durable before it returns.
     */
    void saveStartSequences(ConsumerId id, List<Long> sequences);

    /** The start list saved for the consumer, empty when none was. */
    List<Long> loadStartSequences(ConsumerId id);

    /** Removes a consumer's configuration and state; durable before it returns. */
    void delete(ConsumerId id);
}
