package io.hermod.cli;

import io.nats.client.JetStream;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Publishes asynchronously on its own thread until stopped (or its connection dies), at most {@link #IN_FLIGHT}
 * PubAcks outstanding, and keeps the backlog for the consumer bounded so a round's messages can be drained. Every
 * PubAck received is recorded: sequence → payload.
 */
final class AsyncCrashPublisher implements AutoCloseable {
    static final String PREFIX = "crash-consume ";
    private static final int IN_FLIGHT = 64;
    private static final int MAX_BACKLOG = 400;

    private final Map<Long, byte[]> acked;
    private final Map<Long, byte[]> twice = new ConcurrentHashMap<>();
    private final AtomicLong roundAcks = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;

    /**
     * @param consumed how many distinct messages the consumer has seen, for the backlog bound
     */
    AsyncCrashPublisher(JetStream js, String subjectPrefix, int round, Map<Long, byte[]> acked,
                        LongSupplier consumed) {
        this.acked = acked;
        this.thread = new Thread(() -> publish(js, subjectPrefix, round, consumed), "crash-publisher-" + round);
        thread.setDaemon(true);
    }

    AsyncCrashPublisher start() {
        thread.start();
        return this;
    }

    long roundAcks() {
        return roundAcks.get();
    }

    /** Sequences acknowledged by two PubAcks: must stay empty. */
    Map<Long, byte[]> ackedTwice() {
        return twice;
    }

    private void publish(JetStream js, String subjectPrefix, int round, LongSupplier consumed) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        try {
            for (int i = 0; !stopped; i++) {
                while (!stopped && acked.size() - consumed.getAsLong() > MAX_BACKLOG) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // pacing only
                }
                if (stopped || !inFlight.tryAcquire(10, TimeUnit.SECONDS)) {
                    return;
                }
                byte[] payload = (PREFIX + round + "-" + i).getBytes(StandardCharsets.UTF_8);
                js.publishAsync(subjectPrefix + (i % 5), payload).whenComplete((ack, failure) -> {
                    inFlight.release();
                    if (failure == null) {
                        if (acked.putIfAbsent(ack.getSeqno(), payload) != null) {
                            twice.put(ack.getSeqno(), payload);
                        }
                        roundAcks.incrementAndGet();
                    }
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the connection died with the server
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }
}
