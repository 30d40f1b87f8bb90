package io.hermod.cli.bench;

import io.hermod.cli.client.output.ProgressBar;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request/reply round trips through jnats: its own repliers (one queue group, so each request is answered once)
 * echo the payload, and each requester sends one request at a time, timing it.
 */
final class RequestReplyBench {
    private static final String REPLIER_GROUP = "hermod-bench-repliers";
    private static final long MAX_LATENCY_MICROS = TimeUnit.SECONDS.toMicros(60);
    /** A requester gives up after this many timeouts in a row: the server has stopped answering. */
    private static final int MAX_CONSECUTIVE_TIMEOUTS = 3;

    private final BenchSettings settings;

    RequestReplyBench(BenchSettings settings) {
        this.settings = settings;
    }

    RequestReplyReport run() throws IOException, InterruptedException {
        try (BenchConnections connections = new BenchConnections(settings)) {
            return run(connections);
        }
    }

    private RequestReplyReport run(BenchConnections connections) throws IOException, InterruptedException {
        for (int i = 0; i < Math.max(1, settings.subscribers()); i++) {
            Connection replier = connections.open("hermod-bench-replier-" + (i + 1));
            Dispatcher dispatcher = replier.createDispatcher(
                    message -> replier.publish(message.getReplyTo(), message.getData()));
            dispatcher.subscribe(settings.subject(), REPLIER_GROUP);
            JnatsClients.flush(replier, Duration.ofSeconds(5));
        }
        int requesters = Math.max(1, settings.publishers());
        List<Requester> tasks = new ArrayList<>();
        for (int i = 0; i < requesters; i++) {
            Connection connection = connections.open("hermod-bench-requester-" + (i + 1));
            tasks.add(new Requester(connection, settings.messagesForPublisher(i)));
        }
        AtomicLong completed = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Requester task = tasks.get(i);
            Thread thread = new Thread(() -> task.run(go, completed), "requester-" + (i + 1));
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        long start;
        try (ProgressBar bar = ProgressBar.start(settings.progress(), "requests", settings.messages(),
                completed::get)) {
            start = System.nanoTime();
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        }
        long elapsed = System.nanoTime() - start;

        Histogram latencies = new Histogram(MAX_LATENCY_MICROS, 3);
        long timeouts = 0;
        List<String> problems = new ArrayList<>();
        for (Requester task : tasks) {
            latencies.add(task.latencies);
            timeouts += task.timeouts;
            if (task.failure != null) {
                problems.add(task.failure);
            }
        }
        return new RequestReplyReport(
                String.format(java.util.Locale.ROOT,
                        "NATS (jnats) request/reply benchmark [%s, subject=%s, requests=%,d, size=%,d B, "
                                + "requesters=%d, repliers=%d]",
                        settings.endpoint().url(), settings.subject(), settings.messages(),
                        settings.messageSize(), requesters, Math.max(1, settings.subscribers())),
                settings.messages(), latencies, timeouts, elapsed, problems);
    }

    /** One requester's loop; its histogram is read only after its thread ended. */
    private final class Requester {
        private final Connection connection;
        private final long count;
        private final Histogram latencies = new Histogram(MAX_LATENCY_MICROS, 3);
        private long timeouts;
        private String failure;

        Requester(Connection connection, long count) {
            this.connection = connection;
            this.count = count;
        }

        void run(CountDownLatch go, AtomicLong completed) {
            byte[] payload = settings.payload();
            Duration timeout = settings.settleTimeout();
            int consecutiveTimeouts = 0;
            try {
                go.await();
                for (long i = 0; i < count && consecutiveTimeouts < MAX_CONSECUTIVE_TIMEOUTS; i++) {
                    long sent = System.nanoTime();
                    Message reply = connection.request(settings.subject(), payload, timeout);
                    if (reply == null) {
                        timeouts++;
                        consecutiveTimeouts++;
                        continue;
                    }
                    consecutiveTimeouts = 0;
                    long micros = (System.nanoTime() - sent) / 1000;
                    latencies.recordValue(Math.min(micros, MAX_LATENCY_MICROS));
                    completed.incrementAndGet();
                }
                if (consecutiveTimeouts >= MAX_CONSECUTIVE_TIMEOUTS) {
                    failure = "requester gave up after " + consecutiveTimeouts + " timeouts in a row";
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = "requester: " + e;
            }
        }
    }
}
