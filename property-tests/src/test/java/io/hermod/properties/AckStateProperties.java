package io.hermod.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.hermod.consumers.ack.AckSettings;
import io.hermod.consumers.ack.AckState;
import io.hermod.consumers.ack.Delivery;
import io.hermod.consumers.ack.MaxDeliveriesExceeded;
import io.hermod.consumers.ack.SequencePair;
import io.hermod.consumers.ack.TrackedMessage;
import io.hermod.consumers.config.AckPolicy;
import io.hermod.consumers.state.ConsumerId;
import io.hermod.consumers.state.ConsumerStateStore;
import io.hermod.consumers.state.MemoryConsumerStateStore;
import io.hermod.consumers.state.RocksConsumerStateStore;
import io.hermod.store.kv.RocksKeyValueStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random sequences of deliveries, acks, ack-alls, naks (with and without delay), terms, progress, timeouts and
 * restarts through a {@link ConsumerStateStore}, on consumers with random ack policy, backoff, max deliver and max
 * ack pending, against a simple model written from nats-server's rules: after every step the same delivered and
 * ack floor, the same pending messages with the same counts, the same next delivery and the same max-delivery
 * events.
 */
class AckStateProperties {
    private static final long SECOND = 1_000_000_000L;
    private static final ConsumerId ID = new ConsumerId("P", "c");
    private static final Gen<List<Integer>> OPERATIONS =
            lists().of(integers().between(0, 999_999)).ofSizeBetween(1, 120);
    /** The consumer's filter: stream sequences not divisible by 3 match. */
    private static final LongUnaryOperator MATCHING = from -> from % 3 == 0 ? from + 1 : from;

    @Test
    void ackStateMatchesModelAcrossRestartsInMemory() {
        qt().withExamples(400).forAll(integers().between(0, 999), OPERATIONS)
                .checkAssert((shape, ops) -> run(shape, ops, new MemoryConsumerStateStore(), null));
    }

    @Test
    void ackStateMatchesModelAcrossRocksDbReopen() {
        qt().withExamples(25).withShrinkCycles(20).forAll(integers().between(0, 999), OPERATIONS)
                .checkAssert((shape, ops) -> {
                    Path dir = tempDir();
                    RocksKeyValueStorage[] kv = {RocksKeyValueStorage.open(dir)};
                    try {
                        run(shape, ops, new RocksConsumerStateStore(kv[0]), () -> {
                            kv[0].close();
                            kv[0] = RocksKeyValueStorage.open(dir);
                            return new RocksConsumerStateStore(kv[0]);
                        });
                    } finally {
                        kv[0].close();
                    }
                });
    }

    /**
     * The same through RocksDB write groups, as the consumers' worker writes (one group per task): groups end at
     * random points and before each reopen, and runs of two consecutive removed sequences are already deleted as
     * one range, so the range deletes meet redelivered messages kept below the floor and keys written again.
     */
    @Test
    void ackStateMatchesModelAcrossRocksDbReopenThroughWriteGroups() {
        qt().withExamples(25).withShrinkCycles(20).forAll(integers().between(0, 999), OPERATIONS)
                .checkAssert((shape, ops) -> {
                    Path dir = tempDir();
                    RocksKeyValueStorage[] kv = {RocksKeyValueStorage.open(dir)};
                    GroupedStore[] current = {new GroupedStore(new RocksConsumerStateStore(kv[0], false, 2))};
                    try {
                        run(shape, ops, current[0], () -> {
                            current[0].end();
                            kv[0].close();
                            kv[0] = RocksKeyValueStorage.open(dir);
                            current[0] = new GroupedStore(new RocksConsumerStateStore(kv[0], false, 2));
                            return current[0];
                        });
                    } finally {
                        kv[0].close();
                    }
                });
    }

    /**
     * Writes through a group that ends after every few writes (reading the state back flushes it too); a reopen
     * ends the group first, as a worker task ends before the process stops.
     */
    private static final class GroupedStore implements ConsumerStateStore {
        private final RocksConsumerStateStore store;
        private int writes;

        GroupedStore(RocksConsumerStateStore store) {
            this.store = store;
            store.beginGroup();
        }

        @Override
        public void write(io.hermod.consumers.state.ConsumerId id, io.hermod.consumers.ack.AckStateChanges changes) {
            store.write(id, changes);
            if (++writes % 11 == 0) {
                store.endGroup();
                store.beginGroup();
            }
        }

        void end() {
            store.endGroup();
        }

        @Override
        public Optional<io.hermod.consumers.ack.StoredAckState> loadState(io.hermod.consumers.state.ConsumerId id) {
            return store.loadState(id);
        }

        @Override
        public void saveConfig(io.hermod.consumers.state.ConsumerRecord consumer) {
            store.saveConfig(consumer);
        }

        @Override
        public Optional<io.hermod.consumers.state.ConsumerRecord> loadConfig(io.hermod.consumers.state.ConsumerId id) {
            return store.loadConfig(id);
        }

        @Override
        public List<io.hermod.consumers.state.ConsumerRecord> consumers(String stream) {
            return store.consumers(stream);
        }

        @Override
        public void saveStartSequences(io.hermod.consumers.state.ConsumerId id, List<Long> sequences) {
            store.saveStartSequences(id, sequences);
        }

        @Override
        public List<Long> loadStartSequences(io.hermod.consumers.state.ConsumerId id) {
            return store.loadStartSequences(id);
        }

        @Override
        public void delete(io.hermod.consumers.state.ConsumerId id) {
            store.delete(id);
        }
    }

    private static AckSettings settings(int shape) {
        AckPolicy policy = shape % 2 == 0 ? AckPolicy.EXPLICIT : AckPolicy.ALL;
        List<Long> backoff = (shape / 2) % 3 == 0 ? List.of(2 * SECOND, 5 * SECOND) : List.of();
        int[] maxDelivers = {-1, 3, 4, 6};
        int maxDeliver = backoff.isEmpty() ? maxDelivers[(shape / 6) % 4] : 3 + (shape / 6) % 3;
        int maxAckPending = (shape / 30) % 2 == 0 ? 4 : 1000;
        return new AckSettings(policy, 10 * SECOND, backoff, maxDeliver, maxAckPending);
    }

    private static void run(int shape, List<Integer> ops, ConsumerStateStore initial, Reopen reopen) {
        AckSettings settings = settings(shape);
        ManualClock clock = new ManualClock();
        Model model = new Model(settings, clock);
        ConsumerStateStore store = initial;
        AckState state = AckState.start(settings, 1, clock);
        store.write(ID, state.drainChanges());
        for (int op : ops) {
            int kind = op % 10;
            int arg = op / 10;
            long seq = model.delivered.streamSeq() == 0 ? 1 : 1 + arg % (model.delivered.streamSeq() + 1);
            switch (kind) {
                case 0, 1, 2 -> {
                    for (int i = 0; i <= arg % 4; i++) {
                        Optional<Delivery> next = state.nextDelivery(MATCHING);
                        assertEquals(model.next(), next);
                        if (next.isEmpty()) {
                            break;
                        }
                        assertEquals(model.deliver(next.get().streamSeq()),
                                state.onDelivered(next.get().streamSeq()).consumerSeq());
                    }
                }
                case 3 -> assertEquals(model.ack(seq, model.latestCseq(seq)), state.ack(seq), "ack " + seq);
                case 4 -> {
                    if (settings.policy() == AckPolicy.ALL) {
                        assertEquals(model.ackAllDerived(seq), state.ackAll(seq), "ackAll " + seq);
                    } else {
                        // an ack on an older ack subject of the message: another consumer sequence
                        long reply = Math.max(0, model.latestCseq(seq) - arg % 3);
                        assertEquals(model.ack(seq, reply), state.ack(seq, reply), "ack " + seq + " as " + reply);
                    }
                }
                case 5 -> {
                    long delay = arg % 3 == 0 ? 0 : (arg % 7) * SECOND;
                    assertEquals(model.nak(seq, delay), state.nak(seq, delay), "nak " + seq);
                }
                case 6 -> assertEquals(model.ack(seq, model.latestCseq(seq)), state.term(seq), "term " + seq);
                case 7 -> assertEquals(model.progress(seq), state.progress(seq), "progress " + seq);
                case 8 -> {
                    clock.advance(Duration.ofSeconds(arg % 12));
                    assertEquals(model.expire(), state.expire());
                }
                default -> {
                    if (reopen != null) {
                        store = reopen.reopen();
                    }
                    state = AckState.restore(settings, store.loadState(ID).orElseThrow(), clock);
                    model.restart();
                }
            }
            store.write(ID, state.drainChanges());
            model.check(state);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("ack-state-properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Reopen {
        ConsumerStateStore reopen();
    }

    /** The rules, written plainly: a sorted map of tracked messages and a list as redelivery queue. */
    private static final class Model {
        private final AckSettings settings;
        private final ManualClock clock;
        private final TreeMap<Long, Msg> msgs = new TreeMap<>();
        private final List<Long> queue = new ArrayList<>();
        private SequencePair delivered = SequencePair.ZERO;
        private SequencePair floor = SequencePair.ZERO;

        Model(AckSettings settings, ManualClock clock) {
            this.settings = settings;
            this.clock = clock;
        }

        Optional<Delivery> next() {
            if (!queue.isEmpty()) {
                return Optional.of(new Delivery(queue.get(0), msgs.get(queue.get(0)).deliveries + 1));
            }
            if (pendingCount() >= settings.maxAckPending()) {
                return Optional.empty();
            }
            return Optional.of(new Delivery(MATCHING.applyAsLong(delivered.streamSeq() + 1), 1));
        }

        long deliver(long seq) {
            long cseq = delivered.consumerSeq() + 1;
            Msg m = msgs.get(seq);
            if (m != null && queue.remove(seq)) {
                m.deliveries++;
            } else {
                m = new Msg();
                m.deliveries = 1;
                m.cseq = cseq;
                msgs.put(seq, m);
                delivered = new SequencePair(cseq, seq);
            }
            m.lastCseq = cseq;
            m.deadline = now() + wait(m.deliveries);
            delivered = new SequencePair(cseq, delivered.streamSeq());
            return cseq;
        }

        boolean ack(long seq, long replyCseq) {
            if (seq > delivered.streamSeq()) {
                return false;
            }
            return settings.policy() == AckPolicy.ALL ? ackAll(seq, replyCseq) : ackExplicit(seq, replyCseq);
        }

        long latestCseq(long seq) {
            Msg m = msgs.get(seq);
            return m == null ? 0 : m.lastCseq;
        }

        private boolean ackExplicit(long seq, long replyCseq) {
            Msg m = msgs.remove(seq);
            queue.remove(seq);
            boolean wasPending = m != null && m.pending;
            long dseq = wasPending ? m.cseq : replyCseq;
            if (pendingCount() == 0) {
                setFloor(delivered);
            } else if (dseq == floor.consumerSeq() + 1) {
                SequencePair next = new SequencePair(dseq, seq);
                for (Map.Entry<Long, Msg> e : msgs.entrySet()) {
                    if (e.getKey() > seq && e.getValue().pending) {
                        next = new SequencePair(e.getValue().cseq - 1, e.getKey() - 1);
                        break;
                    }
                }
                setFloor(next);
            }
            return wasPending;
        }

        boolean ackAllDerived(long seq) {
            long cseq = latestCseq(seq);
            if (cseq == 0) {
                for (Map.Entry<Long, Msg> e : msgs.entrySet()) {
                    if (e.getKey() > floor.streamSeq() && e.getKey() <= seq) {
                        cseq = Math.max(cseq, e.getValue().lastCseq);
                    }
                }
            }
            return ackAll(seq, cseq);
        }

        private boolean ackAll(long seq, long cseq) {
            if (seq <= floor.streamSeq() || cseq <= floor.consumerSeq() || seq > delivered.streamSeq()) {
                return false;
            }
            boolean any = false;
            for (Map.Entry<Long, Msg> e : msgs.entrySet()) {
                if (e.getKey() > floor.streamSeq() && e.getKey() <= seq) {
                    any |= e.getValue().pending;
                }
            }
            long from = floor.streamSeq();
            msgs.keySet().removeIf(s -> s > from && s <= seq);
            queue.removeIf(s -> s > from && s <= seq);
            setFloor(new SequencePair(cseq, seq));
            return any;
        }

        boolean nak(long seq, long delay) {
            Msg m = msgs.get(seq);
            if (m == null || !m.pending) {
                return false;
            }
            if (delay > 0) {
                queue.remove(seq);
                m.deadline = now() + delay;
            } else if (exhausted(m)) {
                m.deadline = now();
            } else if (!queue.contains(seq)) {
                queue.add(seq);
            }
            return true;
        }

        boolean progress(long seq) {
            Msg m = msgs.get(seq);
            if (m == null || !m.pending) {
                return false;
            }
            m.deadline = now() + wait(m.deliveries);
            return true;
        }

        List<MaxDeliveriesExceeded> expire() {
            List<MaxDeliveriesExceeded> events = new ArrayList<>();
            msgs.forEach((seq, m) -> {
                if (m.pending && !queue.contains(seq) && m.deadline <= now()) {
                    if (exhausted(m)) {
                        m.pending = false;
                        events.add(new MaxDeliveriesExceeded(seq, m.deliveries));
                    } else {
                        queue.add(seq);
                    }
                }
            });
            return events;
        }

        void restart() {
            queue.clear();
            msgs.forEach((seq, m) -> {
                if (m.pending && exhausted(m)) {
                    m.deadline = Long.MIN_VALUE;
                } else if (m.pending) {
                    queue.add(seq);
                }
            });
        }

        void check(AckState state) {
            assertEquals(delivered, state.delivered(), "delivered");
            assertEquals(floor, state.ackFloor(), "ack floor");
            assertEquals(pendingCount(), state.numAckPending(), "num ack pending");
            int redelivered = 0;
            List<TrackedMessage> expected = new ArrayList<>();
            for (Map.Entry<Long, Msg> e : msgs.entrySet()) {
                Msg m = e.getValue();
                expected.add(new TrackedMessage(e.getKey(), m.cseq, m.lastCseq, m.deliveries,
                        state.tracked(e.getKey()).map(TrackedMessage::deliveredNanos).orElse(-1L), m.pending));
                if (m.deliveries > 1 || !m.pending) {
                    redelivered++;
                }
            }
            assertEquals(expected, state.snapshot().tracked(), "tracked messages");
            assertEquals(redelivered, state.numRedelivered(), "num redelivered");
            assertEquals(queue.size(), state.numRedeliveriesDue(), "redeliveries due");
            assertEquals(next(), state.nextDelivery(MATCHING), "next delivery");
        }

        private void setFloor(SequencePair to) {
            floor = to;
        }

        private int pendingCount() {
            int n = 0;
            for (Msg m : msgs.values()) {
                if (m.pending) {
                    n++;
                }
            }
            return n;
        }

        private boolean exhausted(Msg m) {
            return settings.maxDeliver() > 0 && m.deliveries >= settings.maxDeliver();
        }

        private long wait(int deliveries) {
            List<Long> backoff = settings.backoffNanos();
            return backoff.isEmpty() ? settings.ackWaitNanos() : backoff.get(Math.min(deliveries, backoff.size()) - 1);
        }

        private long now() {
            Instant t = clock.instant();
            return t.getEpochSecond() * SECOND + t.getNano();
        }
    }

    private static final class Msg {
        long cseq;
        long lastCseq;
        int deliveries;
        long deadline;
        boolean pending = true;
    }

    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
