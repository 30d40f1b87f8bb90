package io.hermod.consumers.state;

import io.hermod.consumers.ack.AckStateChanges;
import io.hermod.consumers.ack.SequencePair;
import io.hermod.consumers.ack.StoredAckState;
import io.hermod.consumers.ack.TrackedMessage;
import io.hermod.consumers.proto.ConsumerStateRecord;
import io.hermod.store.kv.ColumnFamily;
import io.hermod.store.kv.KeyValueBatch;
import io.hermod.store.kv.KeyValueStorage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link ConsumerStateStore} in the store's RocksDB (column families consumer_config and consumer_state, key layout
 * in {@code StateKeys}): the header and one key per tracked message, so a write costs what it changed, not the size
 * of the pending set.
 *
 * <p><b>Durability.</b> Every {@link #write} is one atomic RocksDB batch whose WAL record is written (handed to the
 * operating system) before the call returns, so it survives SIGKILL of the process: an acknowledged message is never
 * redelivered after a process crash and every delivered one comes back with its count. By default the WAL is not
 * fsynced per write ({@code syncStateWrites} false): an fsync per acknowledgement would bound acknowledgements by the
 * disk's fsync rate, and what a machine crash can lose is the last few state writes, which JetStream's at-least-once
 * contract covers (the messages are redelivered; nats-server also flushes consumer state asynchronously). With
 * {@code syncStateWrites} true each write is fsynced and survives power loss too. Configuration saves and deletes
 * are always fsynced.
 *
 * <p>A write group ({@link #beginGroup}) collects one thread's writes in one RocksDB batch: one WAL record per
 * worker task instead of one per acknowledgement, which was most of an acknowledgement's cost.
 *
 * <p>Thread-safe (RocksDB is); one consumer's writes must come from one thread at a time. A group belongs to the
 * thread that began it; other threads' writes go straight through.
 */
public final class RocksConsumerStateStore implements ConsumerStateStore {
    private final KeyValueStorage kv;
    private final boolean syncStateWrites;
    /** The open group's owner, nesting depth, held writes (null until the first) and their completion. */
    private volatile Thread groupOwner;
    private int groupDepth;
    private KeyValueBatch group;
    private final Map<ConsumerId, AckStateChanges> groupHeaders = new LinkedHashMap<>();
    private CompletableFuture<Void> groupWritten;

    public RocksConsumerStateStore(KeyValueStorage kv, boolean syncStateWrites) {
        this.kv = kv;
        this.syncStateWrites = syncStateWrites;
    }

    /** Process-crash durability for state writes (the default of the server). */
    public RocksConsumerStateStore(KeyValueStorage kv) {
        this(kv, false);
    }

    @Override
    public void saveConfig(ConsumerRecord consumer) {
        flushOwnGroup();
        kv.putDurably(ColumnFamily.CONSUMER_CONFIG, StateKeys.consumer(consumer.id()), StateCodec.config(consumer));
    }

    @Override
    public Optional<ConsumerRecord> loadConfig(ConsumerId id) {
        byte[] value = kv.get(ColumnFamily.CONSUMER_CONFIG, StateKeys.consumer(id));
        return value == null ? Optional.empty() : Optional.of(StateCodec.config(value));
    }

    @Override
    public List<ConsumerRecord> consumers(String stream) {
        List<ConsumerRecord> found = new ArrayList<>();
        kv.scan(ColumnFamily.CONSUMER_CONFIG, StateKeys.streamPrefix(stream), null, (key, value) -> {
            found.add(StateCodec.config(value));
            return true;
        });
        found.sort(Comparator.comparing(c -> c.id().name()));
        return found;
    }

    @Override
    public void write(ConsumerId id, AckStateChanges changes) {
        byte[] prefix = StateKeys.consumer(id);
        if (ownsGroup()) {
            if (group == null) {
                group = kv.newBatch();
            }
            // only a consumer's last header of the group is written (at the flush): the group is atomic anyway
            groupHeaders.put(id, changes);
            addMessages(group, prefix, changes);
            return;
        }
        try (KeyValueBatch batch = kv.newBatch()) {
            addHeader(batch, prefix, changes);
            addMessages(batch, prefix, changes);
            kv.write(batch, syncStateWrites);
        }
    }

    private static void addHeader(KeyValueBatch batch, byte[] prefix, AckStateChanges changes) {
        batch.put(ColumnFamily.CONSUMER_STATE, StateKeys.header(prefix),
                StateCodec.header(changes.delivered(), changes.ackFloor()));
    }

    private static void addMessages(KeyValueBatch batch, byte[] prefix, AckStateChanges changes) {
        for (long seq : changes.removals()) {
            batch.delete(ColumnFamily.CONSUMER_STATE, StateKeys.message(prefix, seq));
        }
        for (TrackedMessage m : changes.upserts()) {
            batch.put(ColumnFamily.CONSUMER_STATE, StateKeys.message(prefix, m.streamSeq()), StateCodec.message(m));
        }
    }

    @Override
    public void beginGroup() {
        Thread me = Thread.currentThread();
        if (groupOwner == me) {
            groupDepth++;
            return;
        }
        if (groupOwner != null) {
            throw new IllegalStateException("a write group is open on " + groupOwner.getName());
        }
        groupOwner = me;
        groupDepth = 1;
    }

    @Override
    public void flushGroup() {
        if (ownsGroup()) {
            flushOwnGroup();
        }
    }

    @Override
    public void endGroup() {
        if (!ownsGroup()) {
            return;
        }
        try {
            if (groupDepth == 1) {
                flushOwnGroup();
            }
        } finally {
            if (--groupDepth == 0) {
                groupOwner = null;
            }
        }
    }

    @Override
    public CompletableFuture<Void> written() {
        if (!ownsGroup() || group == null) {
            return WRITTEN;
        }
        if (groupWritten == null) {
            groupWritten = new CompletableFuture<>();
        }
        return groupWritten;
    }

    private boolean ownsGroup() {
        return groupOwner == Thread.currentThread();
    }

    /** Writes the calling thread's held group, if it has one; completes what waited for it. */
    private void flushOwnGroup() {
        if (!ownsGroup() || group == null) {
            return;
        }
        KeyValueBatch batch = group;
        CompletableFuture<Void> done = groupWritten;
        group = null;
        groupWritten = null;
        try (batch) {
            groupHeaders.forEach((id, changes) -> addHeader(batch, StateKeys.consumer(id), changes));
            groupHeaders.clear();
            kv.write(batch, syncStateWrites);
        } catch (RuntimeException e) {
            if (done != null) {
                done.completeExceptionally(e);
            }
            throw e;
        }
        if (done != null) {
            done.complete(null);
        }
    }

    @Override
    public Optional<StoredAckState> loadState(ConsumerId id) {
        flushOwnGroup();
        byte[] prefix = StateKeys.consumer(id);
        byte[] header = kv.get(ColumnFamily.CONSUMER_STATE, StateKeys.header(prefix));
        if (header == null) {
            return Optional.empty();
        }
        ConsumerStateRecord h = StateCodec.header(header);
        List<TrackedMessage> tracked = new ArrayList<>();
        kv.scan(ColumnFamily.CONSUMER_STATE, StateKeys.messagesPrefix(prefix), null, (key, value) -> {
            tracked.add(StateCodec.message(StateKeys.messageSeq(key), value));
            return true;
        });
        return Optional.of(new StoredAckState(
                new SequencePair(h.getDeliveredConsumerSeq(), h.getDeliveredStreamSeq()),
                new SequencePair(h.getAckFloorConsumerSeq(), h.getAckFloorStreamSeq()), tracked));
    }

    @Override
    public void saveStartSequences(ConsumerId id, List<Long> sequences) {
        flushOwnGroup();
        java.nio.ByteBuffer value = java.nio.ByteBuffer.allocate(8 * sequences.size());
        sequences.forEach(value::putLong);
        kv.putDurably(ColumnFamily.CONSUMER_STATE, StateKeys.startList(StateKeys.consumer(id)), value.array());
    }

    @Override
    public List<Long> loadStartSequences(ConsumerId id) {
        byte[] value = kv.get(ColumnFamily.CONSUMER_STATE, StateKeys.startList(StateKeys.consumer(id)));
        if (value == null) {
            return List.of();
        }
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(value);
        List<Long> sequences = new ArrayList<>(value.length / 8);
        while (buffer.remaining() >= 8) {
            sequences.add(buffer.getLong());
        }
        return sequences;
    }

    @Override
    public void delete(ConsumerId id) {
        flushOwnGroup();
        byte[] prefix = StateKeys.consumer(id);
        try (KeyValueBatch batch = kv.newBatch()) {
            batch.delete(ColumnFamily.CONSUMER_CONFIG, prefix);
            batch.deleteRange(ColumnFamily.CONSUMER_STATE, prefix, StateKeys.end(prefix));
            kv.write(batch, true);
        }
    }
}
