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
    /** Runs of consecutive removed sequences shorter than this are deleted key by key. */
    public static final int DEFAULT_RANGE_DELETE_FROM = 16;
    private final KeyValueStorage kv;
    private final boolean syncStateWrites;
    private final int rangeDeleteFrom;
    /** The open group's owner, nesting depth, held writes (null until the first) and their completion. */
    private volatile Thread groupOwner;
    private int groupDepth;
    private KeyValueBatch group;
    private final Map<ConsumerId, GroupedConsumer> groupedConsumers = new LinkedHashMap<>();
    private CompletableFuture<Void> groupWritten;

    public RocksConsumerStateStore(KeyValueStorage kv, boolean syncStateWrites) {
        this(kv, syncStateWrites, DEFAULT_RANGE_DELETE_FROM);
    }

    /**
     * With the shortest run of consecutive removed sequences that a write group deletes with one range tombstone
     * (see {@link GroupedConsumer}); tests lower it to exercise ranges on short runs.
     */
    public RocksConsumerStateStore(KeyValueStorage kv, boolean syncStateWrites, int rangeDeleteFrom) {
        if (rangeDeleteFrom < 2) {
            throw new IllegalArgumentException("rangeDeleteFrom must be at least 2: " + rangeDeleteFrom);
        }
        this.kv = kv;
        this.syncStateWrites = syncStateWrites;
        this.rangeDeleteFrom = rangeDeleteFrom;
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
            GroupedConsumer grouped = groupedConsumers.computeIfAbsent(id, k -> new GroupedConsumer(prefix, rangeDeleteFrom));
            grouped.last = changes;
            grouped.add(group, changes);
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
            for (GroupedConsumer grouped : groupedConsumers.values()) {
                grouped.deleteRemoved(batch);
                addHeader(batch, grouped.prefix, grouped.last);
            }
            groupedConsumers.clear();
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

    /**
     * One consumer's writes in the open group. Its removed keys are not deleted one at a time as they come: each
     * point delete is a memtable insert, half of what an acknowledgement cost. They are deleted at the flush, each
     * run of consecutive sequences with one range tombstone (short runs key by key, so that a quiet consumer does
     * not pile up tombstones). Exactly the removed keys go, no other: a range covers only sequences removed.
     */
    private static final class GroupedConsumer {
        final byte[] prefix;
        private final int rangeDeleteFrom;
        AckStateChanges last;
        private long[] removed = new long[256];
        private int removedCount;
        private long lowest = Long.MAX_VALUE;
        private long highest = Long.MIN_VALUE;

        GroupedConsumer(byte[] prefix, int rangeDeleteFrom) {
            this.prefix = prefix;
            this.rangeDeleteFrom = rangeDeleteFrom;
        }

        void add(KeyValueBatch batch, AckStateChanges changes) {
            // a change's upserts and removals are disjoint, so their order within it does not matter
            for (TrackedMessage m : changes.upserts()) {
                if (m.streamSeq() >= lowest && m.streamSeq() <= highest) {
                    deleteRemoved(batch); // a key removed earlier in the group is written again: keep the order
                }
                batch.put(ColumnFamily.CONSUMER_STATE, StateKeys.message(prefix, m.streamSeq()),
                        StateCodec.message(m));
            }
            for (long seq : changes.removals()) {
                if (removedCount == removed.length) {
                    removed = java.util.Arrays.copyOf(removed, removedCount * 2);
                }
                removed[removedCount++] = seq;
                lowest = Math.min(lowest, seq);
                highest = Math.max(highest, seq);
            }
        }

        /** Deletes the removed keys: runs of consecutive sequences as ranges, the rest key by key. */
        void deleteRemoved(KeyValueBatch batch) {
            java.util.Arrays.sort(removed, 0, removedCount);
            int i = 0;
            while (i < removedCount) {
                int j = i;
                while (j + 1 < removedCount && removed[j + 1] <= removed[j] + 1) {
                    j++;
                }
                if (removed[j] - removed[i] + 1 >= rangeDeleteFrom) {
                    batch.deleteRange(ColumnFamily.CONSUMER_STATE, StateKeys.message(prefix, removed[i]),
                            StateKeys.message(prefix, removed[j] + 1));
                } else {
                    for (int k = i; k <= j; k++) {
                        if (k == i || removed[k] != removed[k - 1]) {
                            batch.delete(ColumnFamily.CONSUMER_STATE, StateKeys.message(prefix, removed[k]));
                        }
                    }
                }
                i = j + 1;
            }
            removedCount = 0;
            lowest = Long.MAX_VALUE;
            highest = Long.MIN_VALUE;
        }
    }
}
