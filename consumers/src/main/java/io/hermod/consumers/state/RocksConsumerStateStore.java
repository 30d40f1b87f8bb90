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
import java.util.List;
import java.util.Optional;

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
 * <p>Thread-safe (RocksDB is); one consumer's writes must come from one thread at a time.
 */
public final class RocksConsumerStateStore implements ConsumerStateStore {
    private final KeyValueStorage kv;
    private final boolean syncStateWrites;

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
        try (KeyValueBatch batch = kv.newBatch()) {
            batch.put(ColumnFamily.CONSUMER_STATE, StateKeys.header(prefix),
                    StateCodec.header(changes.delivered(), changes.ackFloor()));
            for (long seq : changes.removals()) {
                batch.delete(ColumnFamily.CONSUMER_STATE, StateKeys.message(prefix, seq));
            }
            for (TrackedMessage m : changes.upserts()) {
                batch.put(ColumnFamily.CONSUMER_STATE, StateKeys.message(prefix, m.streamSeq()), StateCodec.message(m));
            }
            kv.write(batch, syncStateWrites);
        }
    }

    @Override
    public Optional<StoredAckState> loadState(ConsumerId id) {
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
        byte[] prefix = StateKeys.consumer(id);
        try (KeyValueBatch batch = kv.newBatch()) {
            batch.delete(ColumnFamily.CONSUMER_CONFIG, prefix);
            batch.deleteRange(ColumnFamily.CONSUMER_STATE, prefix, StateKeys.end(prefix));
            kv.write(batch, true);
        }
    }
}
