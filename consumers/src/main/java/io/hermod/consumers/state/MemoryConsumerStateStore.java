package io.hermod.consumers.state;

import io.hermod.consumers.ack.AckStateChanges;
import io.hermod.consumers.ack.StoredAckState;
import io.hermod.consumers.ack.TrackedMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link ConsumerStateStore} in the heap, for {@code mem_storage} consumers: it survives the consumer's reconnects
 * and restarts within the process, nothing beyond. Thread-safe.
 */
public final class MemoryConsumerStateStore implements ConsumerStateStore {
    private final ConcurrentMap<ConsumerId, ConsumerRecord> configs = new ConcurrentHashMap<>();
    private final ConcurrentMap<ConsumerId, State> states = new ConcurrentHashMap<>();
    private final ConcurrentMap<ConsumerId, List<Long>> startLists = new ConcurrentHashMap<>();

    @Override
    public void saveConfig(ConsumerRecord consumer) {
        configs.put(consumer.id(), consumer);
    }

    @Override
    public Optional<ConsumerRecord> loadConfig(ConsumerId id) {
        return Optional.ofNullable(configs.get(id));
    }

    @Override
    public List<ConsumerRecord> consumers(String stream) {
        return configs.values().stream()
                .filter(c -> c.id().stream().equals(stream))
                .sorted((a, b) -> a.id().name().compareTo(b.id().name()))
                .toList();
    }

    @Override
    public void write(ConsumerId id, AckStateChanges changes) {
        states.computeIfAbsent(id, k -> new State()).apply(changes);
    }

    @Override
    public Optional<StoredAckState> loadState(ConsumerId id) {
        State state = states.get(id);
        return state == null ? Optional.empty() : Optional.of(state.snapshot());
    }

    @Override
    public void saveStartSequences(ConsumerId id, List<Long> sequences) {
        startLists.put(id, List.copyOf(sequences));
    }

    @Override
    public List<Long> loadStartSequences(ConsumerId id) {
        return startLists.getOrDefault(id, List.of());
    }

    @Override
    public void delete(ConsumerId id) {
        startLists.remove(id);
        configs.remove(id);
        states.remove(id);
    }

    /** One consumer's stored state; its monitor makes a write atomic for readers. */
    private static final class State {
        private StoredAckState header;
        private final TreeMap<Long, TrackedMessage> tracked = new TreeMap<>();

        synchronized void apply(AckStateChanges changes) {
            header = new StoredAckState(changes.delivered(), changes.ackFloor(), List.of());
            changes.removals().forEach(tracked::remove);
            changes.upserts().forEach(m -> tracked.put(m.streamSeq(), m));
        }

        synchronized StoredAckState snapshot() {
            return new StoredAckState(header.delivered(), header.ackFloor(), new ArrayList<>(tracked.values()));
        }
    }
}
