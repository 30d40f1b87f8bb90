package io.hermod.cli.bench;

import io.hermod.cli.client.output.ProgressBar;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.KeyValueOptions;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * jnats {@code KeyValue} put and get rates: a bucket is created, {@code --pub} clients (each on its own connection)
 * share {@code -n} synchronous puts cycling through the keys, then {@code -n} gets of the same keys, each checked
 * against the value put. The server's CPU is measured per phase.
 */
final class KeyValueBench {
    private final BenchSettings settings;
    private final KvSettings kv;
    private final ProcFiles server;

    /** @param server the server process for CPU figures, or null */
    KeyValueBench(BenchSettings settings, KvSettings kv, ProcFiles server) {
        this.settings = settings;
        this.kv = kv;
        this.server = server;
    }

    KeyValueReport run() throws IOException, InterruptedException {
        try (BenchConnections connections = new BenchConnections(settings)) {
            return run(connections);
        }
    }

    private KeyValueReport run(BenchConnections connections) throws IOException, InterruptedException {
        KeyValueManagement kvm = null;
        boolean created = false;
        try {
            Connection admin = connections.open("hermod-bench-kv-admin");
            kvm = admin.keyValueManagement(options());
            if (kvm.getBucketNames().contains(kv.bucket())) {
                throw new IOException("bucket " + kv.bucket() + " already exists; pick another with --bucket or delete it");
            }
            kvm.create(KeyValueConfiguration.builder().name(kv.bucket()).storageType(kv.storage().jnats())
                    .maxHistoryPerKey(1).build());
            created = true;
            List<KeyValue> clients = new ArrayList<>();
            for (int i = 0; i < settings.publishers(); i++) {
                Connection connection = connections.open("hermod-bench-kv-" + (i + 1));
                clients.add(connection.keyValue(kv.bucket(), options()));
            }
            Phase puts = phase("put", clients, this::put);
            Phase gets = phase("get", clients, this::get);
            return new KeyValueReport(title(), settings.messages(), puts, gets);
        } catch (JetStreamApiException e) {
            throw new IOException("key-value bucket " + kv.bucket() + ": " + e.getMessage(), e);
        } finally {
            if (created && !kv.keepBucket()) {
                try {
                    kvm.delete(kv.bucket());
                } catch (IOException | JetStreamApiException | RuntimeException e) {
                    // A failed run's own error is the one worth reporting.
                }
            }
        }
    }

    /** jnats waits 2 s for an API reply by default: too short for a cold server on a busy machine. */
    private KeyValueOptions options() {
        return KeyValueOptions.builder().jsRequestTimeout(settings.settleTimeout()).build();
    }

    private String title() {
        return String.format(Locale.ROOT, "JetStream key-value benchmark [%s, bucket=%s (%s), ops=%,d, size=%,d B, "
                        + "keys=%,d, clients=%d]", settings.endpoint().url(), kv.bucket(), kv.storage().label(),
                settings.messages(), settings.messageSize(), kv.keys(), settings.publishers());
    }

    /** One client's operation {@code index}: true when it succeeded and, for a get, found the value put. */
    private interface Operation {
        boolean apply(KeyValue client, long index, byte[] value) throws Exception;
    }

    /** One phase's figures: operations done and failed, and the span from the first start to the last end. */
    record Phase(String name, long done, long failed, String firstFailure, long nanos, double serverCpuSeconds) {
        double opsPerSecond() {
            return done / Math.max(nanos / 1e9, 1e-9);
        }
    }

    private boolean put(KeyValue client, long index, byte[] value) throws Exception {
        client.put(key(index), value);
        return true;
    }

    private boolean get(KeyValue client, long index, byte[] value) throws Exception {
        KeyValueEntry entry = client.get(key(index));
        return entry != null && Arrays.equals(value, entry.getValue());
    }

    private String key(long index) {
        return "key" + (index % kv.keys());
    }

    private Phase phase(String name, List<KeyValue> clients, Operation operation)
            throws IOException, InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        String[] firstFailure = new String[1];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] ends = new long[clients.size()];
        long offset = 0;
        for (int i = 0; i < clients.size(); i++) {
            KeyValue client = clients.get(i);
            long first = offset;
            long count = settings.messagesForPublisher(i);
            offset += count;
            int slot = i;
            Thread thread = new Thread(() -> {
                byte[] value = settings.payload();
                try {
                    go.await();
                    for (long j = first; j < first + count; j++) {
                        boolean ok;
                        try {
                            ok = operation.apply(client, j, value);
                        } catch (InterruptedException e) {
                            throw e;
                        } catch (Exception e) {
                            ok = false;
                            synchronized (firstFailure) {
                                if (firstFailure[0] == null) {
                                    firstFailure[0] = name + " " + key(j) + ": " + e;
                                }
                            }
                        }
                        (ok ? done : failed).incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ends[slot] = System.nanoTime();
            }, "kv-" + name + "-" + (i + 1));
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        ServerCpuMeter cpu = server == null ? null : ServerCpuMeter.start(server);
        long start;
        try (ProgressBar bar = ProgressBar.start(settings.progress(), name, settings.messages(),
                () -> done.get() + failed.get())) {
            start = System.nanoTime();
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        }
        long end = start;
        for (long e : ends) {
            end = Math.max(end, e);
        }
        double cpuSeconds = cpu == null ? Double.NaN : cpu.elapsedCpuSeconds();
        synchronized (firstFailure) {
            return new Phase(name, done.get(), failed.get(), firstFailure[0], end - start, cpuSeconds);
        }
    }
}
