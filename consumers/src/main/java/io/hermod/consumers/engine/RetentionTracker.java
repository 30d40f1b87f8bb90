package io.hermod.consumers.engine;

import io.hermod.consumers.ack.AckStateChanges;
import io.hermod.consumers.config.AckPolicy;
import io.hermod.consumers.state.ConsumerId;
import io.hermod.store.StoredMessage;
import io.hermod.store.StreamStore;
import io.hermod.store.api.RetentionPolicy;
import io.hermod.store.api.StreamConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Removes the messages of interest and workqueue streams that their consumers are done with, as nats-server 2.9.10
 * does: on an acknowledgement ({@code ackMsg}; for ack none on delivery), a workqueue message goes at once and an
 * interest message once no consumer still needs it ({@code checkInterest}/{@code needAck}); when a consumer of an
 * interest stream is deleted, every message from its ack floor on that nobody else needs goes. After a restart
 * {@link #reconcile} removes what a crash between an acknowledgement and its removal left behind. Removals are
 * queued to the stream's store after the consumer's state was written, so a crash never loses an unacknowledged
 * message. Runs on the consumers' worker thread only.
 */
final class RetentionTracker {
    private static final Logger log = LoggerFactory.getLogger(RetentionTracker.class);

    private final Function<String, List<ConsumerCore>> consumers;
    private final Function<String, Optional<StreamStore>> stores;
    private final Function<String, Optional<StreamConfig>> configs;
    /** The ack floor last seen of each consumer, to learn which sequences an ack-all or ack-none floor passed. */
    private final Map<ConsumerId, Long> floors = new HashMap<>();

    RetentionTracker(Function<String, List<ConsumerCore>> consumers, Function<String, Optional<StreamStore>> stores,
                     Function<String, Optional<StreamConfig>> configs) {
        this.consumers = consumers;
        this.stores = stores;
        this.configs = configs;
    }

    /** Starts following a consumer (created, restored, or after a purge moved its floor without an ack). */
    void follow(ConsumerCore consumer) {
        floors.put(consumer.id(), consumer.ackFloorSeq());
    }

    /**
     * The consumer's acknowledgement state changed: removes what it acknowledged and nobody else needs. The future
     * completes once those removals are durable.
     */
    CompletableFuture<Void> written(ConsumerCore consumer, AckStateChanges changes) {
        Long previous = floors.put(consumer.id(), changes.ackFloor().streamSeq());
        RetentionPolicy policy = policy(consumer.id().stream());
        if (policy == RetentionPolicy.LIMITS) {
            return ConsumerObserver.DONE;
        }
        Optional<StreamStore> found = stores.apply(consumer.id().stream());
        if (found.isEmpty()) {
            return ConsumerObserver.DONE;
        }
        List<CompletableFuture<?>> removals = new ArrayList<>();
        StreamStore store = found.get();
        TreeSet<Long> acknowledged = new TreeSet<>(changes.removals());
        boolean byFloor = consumer.config().ackPolicy() != AckPolicy.EXPLICIT;
        if (byFloor && previous != null) {
            for (long seq = previous + 1; seq <= changes.ackFloor().streamSeq(); seq++) {
                acknowledged.add(seq);
            }
        }
        for (long seq : acknowledged) {
            Optional<StoredMessage> m = store.load(seq);
            if (m.isEmpty()) {
                continue;
            }
            String subject = m.get().subject();
            if (byFloor && !consumer.matches(subject)) {
                continue; // the floor passed it without this consumer having anything to do with it
            }
            if (policy == RetentionPolicy.WORKQUEUE || !needed(consumer.id().stream(), seq, subject)) {
                removals.add(remove(store, seq));
            }
        }
        return removals.isEmpty() ? ConsumerObserver.DONE
                : CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new));
    }

    /**
     * A consumer was deleted (and no longer counts): an interest stream drops what only it still needed. Returns
     * once the removals are durable, so the deletion's reply comes after them, as from nats-server.
     */
    void deleted(ConsumerCore consumer) {
        floors.remove(consumer.id());
        String stream = consumer.id().stream();
        if (policy(stream) != RetentionPolicy.INTEREST) {
            return;
        }
        stores.apply(stream).ifPresent(store -> {
            List<CompletableFuture<Void>> removals = new ArrayList<>();
            long from = Math.max(consumer.ackFloorSeq(), 1);
            for (Optional<StoredMessage> m = store.next(from, null); m.isPresent();
                 m = store.next(m.get().seq() + 1, null)) {
                if (!needed(stream, m.get().seq(), m.get().subject())) {
                    removals.add(remove(store, m.get().seq()));
                }
            }
            CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new)).join();
        });
    }

    /**
     * After a restart: removes the messages up to the furthest delivery that some consumer's filter matches and
     * none still needs (acknowledged before a crash that came before their removal was durable).
     */
    void reconcile(String stream) {
        RetentionPolicy policy = policy(stream);
        List<ConsumerCore> of = consumers.apply(stream);
        if (policy == RetentionPolicy.LIMITS || of.isEmpty()) {
            return;
        }
        stores.apply(stream).ifPresent(store -> {
            long until = of.stream().mapToLong(ConsumerCore::deliveredSeq).max().orElse(0);
            int removed = 0;
            for (Optional<StoredMessage> m = store.next(1, null); m.isPresent() && m.get().seq() <= until;
                 m = store.next(m.get().seq() + 1, null)) {
                StoredMessage message = m.get();
                boolean claimed = of.stream().anyMatch(c -> c.matches(message.subject()));
                if (claimed && !needed(stream, message.seq(), message.subject())) {
                    remove(store, message.seq());
                    removed++;
                }
            }
            if (removed > 0) {
                log.info("stream {}: removed {} acknowledged message(s) left by the last run", stream, removed);
            }
        });
    }

    private boolean needed(String stream, long seq, String subject) {
        for (ConsumerCore c : consumers.apply(stream)) {
            if (c.needsAck(seq, subject)) {
                return true;
            }
        }
        return false;
    }

    private RetentionPolicy policy(String stream) {
        return configs.apply(stream).map(StreamConfig::retention).orElse(RetentionPolicy.LIMITS);
    }

    /** Queues the removal; the future completes (never exceptionally) once it is durable or has failed. */
    private static CompletableFuture<Void> remove(StreamStore store, long seq) {
        return store.delete(seq).handle((removed, failure) -> {
            if (failure != null) {
                log.warn("stream {}: acknowledged message {} not removed: {}", store.config().name(), seq,
                        failure.toString());
            }
            return null;
        });
    }
}
