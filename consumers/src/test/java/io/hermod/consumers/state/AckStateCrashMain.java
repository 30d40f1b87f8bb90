package io.hermod.consumers.state;

import io.hermod.consumers.ack.AckSettings;
import io.hermod.consumers.ack.AckState;
import io.hermod.consumers.ack.Delivered;
import io.hermod.consumers.ack.Delivery;
import io.hermod.consumers.ack.TrackedMessage;
import io.hermod.consumers.config.AckPolicy;
import io.hermod.store.kv.RocksKeyValueStorage;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Run in a separate JVM by {@link AckStateCrashTest}: restores the consumer's state from the RocksDB in
 * {@code args[0]} (or starts it), then delivers batches of messages of an endless stream and acknowledges pending
 * ones at random, forever. After each state write returns it prints {@code D <seq> <deliveryCount>} for every
 * delivery of the batch and {@code A <seq>} for every acknowledgement, until it is killed. Before writing
 * acknowledgements it prints {@code T <seq>} for each: a kill between the write and the confirmation leaves those
 * acknowledged or not.
 */
public final class AckStateCrashMain {
    static final ConsumerId ID = new ConsumerId("CRASH", "durable");
    static final AckSettings SETTINGS = new AckSettings(AckPolicy.EXPLICIT, TimeUnit.MILLISECONDS.toNanos(20),
            List.of(), -1, 64);

    private AckStateCrashMain() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.US_ASCII);
        RocksKeyValueStorage kv = RocksKeyValueStorage.open(Path.of(args[0]));
        ConsumerStateStore store = new RocksConsumerStateStore(kv);
        Clock clock = Clock.systemUTC();
        AckState state = store.loadState(ID).map(s -> AckState.restore(SETTINGS, s, clock))
                .orElseGet(() -> AckState.start(SETTINGS, 1, clock));
        List<Long> pending = new ArrayList<>();
        state.snapshot().tracked().stream().filter(TrackedMessage::pending).forEach(m -> pending.add(m.streamSeq()));
        Random random = new Random();
        out.println("READY");
        while (true) {
            state.expire();
            List<Delivered> batch = new ArrayList<>();
            for (int i = random.nextInt(8); i >= 0; i--) {
                Optional<Delivery> next = state.nextDelivery(seq -> seq);
                if (next.isEmpty()) {
                    break;
                }
                Delivered delivered = state.onDelivered(next.get().streamSeq());
                batch.add(delivered);
                if (delivered.deliveryCount() == 1) {
                    pending.add(delivered.streamSeq());
                }
            }
            store.write(ID, state.drainChanges());
            for (Delivered d : batch) {
                out.println("D " + d.streamSeq() + " " + d.deliveryCount());
            }
            List<Long> acked = new ArrayList<>();
            for (int i = random.nextInt(6); i > 0 && !pending.isEmpty(); i--) {
                long seq = pending.remove(random.nextInt(pending.size()));
                if (state.ack(seq)) {
                    acked.add(seq);
                }
            }
            for (long seq : acked) {
                out.println("T " + seq);
            }
            store.write(ID, state.drainChanges());
            for (long seq : acked) {
                out.println("A " + seq);
            }
        }
    }
}
