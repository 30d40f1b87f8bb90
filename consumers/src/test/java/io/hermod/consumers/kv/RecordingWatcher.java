package io.hermod.consumers.kv;

import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueWatcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records what a KeyValue watch delivers, in order, as {@link Transcript#entry} lines and an {@code END} line for
 * jnats' end-of-initial-data signal.
 */
final class RecordingWatcher implements KeyValueWatcher {
    static final String END = "END";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();

    @Override
    public void watch(KeyValueEntry entry) {
        events.add(Transcript.entry(entry));
    }

    @Override
    public void endOfData() {
        events.add(END);
    }

    /**
     * The next {@code count} live events, waiting at most ten seconds for each; fewer when they do not come. Their
     * delta (the consumer's pending count) is left out: it depends on how far the writes ran ahead of the delivery,
     * on nats-server as on Hermod.
     */
    List<String> next(int count) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                break;
            }
            out.add(event.replaceAll(" delta \\d+$", ""));
        }
        return out;
    }

    /** Events up to and including the end-of-data signal (at most {@code limit}). */
    List<String> untilEnd(int limit) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            String event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                break;
            }
            out.add(event);
            if (event.equals(END)) {
                break;
            }
        }
        return out;
    }
}
