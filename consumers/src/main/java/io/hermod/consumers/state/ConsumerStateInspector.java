package io.hermod.consumers.state;

import io.hermod.consumers.ack.SequencePair;
import io.hermod.consumers.ack.StoredAckState;
import io.hermod.consumers.ack.TrackedMessage;
import io.hermod.store.StoreCorruptedException;
import io.hermod.store.file.StoreInconsistency;
import io.hermod.store.kv.ColumnFamily;
import io.hermod.store.kv.KeyValueStorage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Offline check of the consumers stored in RocksDB against their streams: each consumer belongs to a recorded
 * stream, its delivered sequence and pending messages lie within the stream's sequences, its ack floor is not
 * past what it delivered, and no state is left without a configuration. Consumer state is not derived from a log,
 * so nothing here is repairable by a rebuild. Reads only; the server must not be running.
 */
public final class ConsumerStateInspector {
    private static final int SHOWN_PER_CONSUMER = 10;

    /**
     * What the check needs of a stream.
     *
     * @param onFile false for a memory stream, which starts empty after a restart while its durable consumers keep
     *     their sequences: its range says nothing about them
     */
    public record StreamRange(boolean onFile, long firstSeq, long lastSeq) {
    }

    /** A consumer as stored; {@code pending}: messages delivered and not acknowledged. */
    public record ConsumerSummary(String stream, String name, SequencePair delivered, SequencePair ackFloor,
                                  long pending, long redelivered) {
    }

    public record Result(List<ConsumerSummary> consumers, List<StoreInconsistency> inconsistencies) {
        public Result {
            consumers = List.copyOf(consumers);
            inconsistencies = List.copyOf(inconsistencies);
        }
    }

    private final KeyValueStorage kv;
    private final Function<String, Optional<StreamRange>> streams;
    private final List<ConsumerSummary> consumers = new ArrayList<>();
    private final List<StoreInconsistency> found = new ArrayList<>();

    private ConsumerStateInspector(KeyValueStorage kv, Function<String, Optional<StreamRange>> streams) {
        this.kv = kv;
        this.streams = streams;
    }

    /** @param streams the range of a recorded stream by name, or empty when there is no such stream */
    public static Result inspect(KeyValueStorage kv, Function<String, Optional<StreamRange>> streams) {
        ConsumerStateInspector inspector = new ConsumerStateInspector(kv, streams);
        inspector.run();
        return new Result(inspector.consumers, inspector.found);
    }

    private void run() {
        Map<String, byte[]> configured = new HashMap<>();
        kv.scan(ColumnFamily.CONSUMER_CONFIG, new byte[0], null, (key, value) -> {
            ConsumerId id = idOf(key);
            if (id == null) {
                found.add(issue("?", null, "consumer configuration key", "stream and consumer name",
                        "unparseable key of " + key.length + " bytes"));
                return true;
            }
            configured.put(id.stream() + '\0' + id.name(), key);
            check(id, value);
            return true;
        });
        orphanStates(configured);
    }

    private void check(ConsumerId id, byte[] configValue) {
        ConsumerRecord record;
        try {
            record = StateCodec.config(configValue);
        } catch (StoreCorruptedException e) {
            found.add(issue(id.stream(), id.name(), "configuration", "a readable record", "unreadable"));
            return;
        }
        if (!record.id().equals(id)) {
            found.add(issue(id.stream(), id.name(), "configuration names", id.toString(), record.id().toString()));
        }
        Optional<StreamRange> stream = streams.apply(id.stream());
        if (stream.isEmpty()) {
            found.add(issue(id.stream(), id.name(), "stream of the consumer", "a recorded stream", "none"));
        }
        Optional<StoredAckState> state;
        try {
            state = new RocksConsumerStateStore(kv).loadState(id);
        } catch (StoreCorruptedException e) {
            found.add(issue(id.stream(), id.name(), "acknowledgement state", "readable", e.getMessage()));
            return;
        }
        if (state.isEmpty()) {
            consumers.add(new ConsumerSummary(id.stream(), id.name(), SequencePair.ZERO, SequencePair.ZERO, 0, 0));
            return;
        }
        StoredAckState s = state.get();
        long pending = s.tracked().stream().filter(TrackedMessage::pending).count();
        long redelivered = s.tracked().stream().filter(m -> m.deliveries() > 1).count();
        consumers.add(new ConsumerSummary(id.stream(), id.name(), s.delivered(), s.ackFloor(), pending, redelivered));
        checkState(id, s, stream.filter(StreamRange::onFile).orElse(null));
    }

    private void checkState(ConsumerId id, StoredAckState s, StreamRange range) {
        SequencePair delivered = s.delivered();
        SequencePair floor = s.ackFloor();
        if (range != null && delivered.streamSeq() > range.lastSeq()) {
            found.add(issue(id.stream(), id.name(), "delivered stream sequence",
                    "at most " + range.lastSeq() + " (the stream's last sequence)", delivered.streamSeq()));
        }
        if (floor.streamSeq() > delivered.streamSeq()) {
            found.add(issue(id.stream(), id.name(), "ack floor stream sequence",
                    "at most " + delivered.streamSeq() + " (delivered)", floor.streamSeq()));
        }
        if (floor.consumerSeq() > delivered.consumerSeq()) {
            found.add(issue(id.stream(), id.name(), "ack floor consumer sequence",
                    "at most " + delivered.consumerSeq() + " (delivered)", floor.consumerSeq()));
        }
        int shown = 0;
        long more = 0;
        for (TrackedMessage m : s.tracked()) {
            String problem = trackedProblem(m, delivered, floor, range);
            if (problem == null) {
                continue;
            }
            if (shown++ < SHOWN_PER_CONSUMER) {
                found.add(issue(id.stream(), id.name(), (m.pending() ? "pending" : "redelivered") + " message seq "
                        + m.streamSeq(), problem, m.streamSeq()));
            } else {
                more++;
            }
        }
        if (more > 0) {
            found.add(issue(id.stream(), id.name(), "pending messages", "no more disagreements",
                    more + " more not shown"));
        }
    }

    /** What a tracked message should satisfy and does not, or null. */
    private static String trackedProblem(TrackedMessage m, SequencePair delivered, SequencePair floor,
                                         StreamRange range) {
        if (range != null && m.streamSeq() > range.lastSeq()) {
            return "at most " + range.lastSeq() + " (the stream's last sequence)";
        }
        if (m.streamSeq() > delivered.streamSeq()) {
            return "at most " + delivered.streamSeq() + " (delivered)";
        }
        // A message dropped after max_deliver (not pending) may stay below a floor that moved past it.
        if (m.pending() && m.streamSeq() <= floor.streamSeq()) {
            return "above the ack floor " + floor.streamSeq();
        }
        if (m.consumerSeq() > delivered.consumerSeq()) {
            return "a consumer sequence of at most " + delivered.consumerSeq();
        }
        return null;
    }

    /** State keys whose consumer has no configuration: one seek per consumer prefix. */
    private void orphanStates(Map<String, byte[]> configured) {
        byte[] from = new byte[0];
        // Bounded by the number of consumer prefixes in the family; each round skips all keys of one consumer.
        for (int round = 0; round < 10_000_000; round++) {
            byte[][] next = {null};
            kv.scan(ColumnFamily.CONSUMER_STATE, new byte[0], from, (key, value) -> {
                next[0] = key;
                return false;
            });
            if (next[0] == null) {
                return;
            }
            int prefixLength = prefixLength(next[0]);
            if (prefixLength < 0) {
                found.add(issue("?", null, "consumer state key", "stream and consumer name",
                        "unparseable key of " + next[0].length + " bytes"));
                return;
            }
            byte[] prefix = java.util.Arrays.copyOf(next[0], prefixLength);
            ConsumerId id = idOf(prefix);
            if (id != null && !configured.containsKey(id.stream() + '\0' + id.name())) {
                found.add(issue(id.stream(), id.name(), "acknowledgement state of a consumer without configuration",
                        "none", "present"));
            }
            from = StateKeys.end(prefix);
        }
    }

    /** The length of the consumer prefix a key starts with, or -1. */
    private static int prefixLength(byte[] key) {
        if (key.length < 2) {
            return -1;
        }
        int s = ByteBuffer.wrap(key, 0, 2).getShort() & 0xFFFF;
        if (key.length < 4 + s) {
            return -1;
        }
        int n = ByteBuffer.wrap(key, 2 + s, 2).getShort() & 0xFFFF;
        return key.length < 4 + s + n ? -1 : 4 + s + n;
    }

    /** The consumer a configuration key (or a state key's prefix) names, or null when it is not one. */
    private static ConsumerId idOf(byte[] key) {
        int length = prefixLength(key);
        if (length != key.length) {
            return null;
        }
        int s = ByteBuffer.wrap(key, 0, 2).getShort() & 0xFFFF;
        int n = length - 4 - s;
        try {
            return new ConsumerId(new String(key, 2, s, StandardCharsets.UTF_8),
                    new String(key, 4 + s, n, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static StoreInconsistency issue(String stream, String consumer, String what, Object expected,
                                            Object found) {
        return new StoreInconsistency(stream, consumer, what, String.valueOf(expected), String.valueOf(found), false);
    }
}
