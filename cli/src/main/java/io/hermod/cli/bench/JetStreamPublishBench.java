package io.hermod.cli.bench;

import io.hermod.cli.client.output.ProgressBar;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StreamState;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes into a JetStream stream through jnats and checks every PubAck: synchronously, one publish at a time
 * with its latency recorded, or asynchronously with a bounded number of acks outstanding. The stream is created
 * on the bench subject first and deleted afterwards (unless kept).
 */
final class JetStreamPublishBench {
    private static final long MAX_LATENCY_MICROS = TimeUnit.SECONDS.toMicros(60);
    /** A synchronous publisher gives up after this many failed publishes in a row: the server has stopped. */
    private static final int MAX_CONSECUTIVE_FAILURES = 3;

    private final BenchSettings settings;
    private final JsSettings js;

    JetStreamPublishBench(BenchSettings settings, JsSettings js) {
        this.settings = settings;
        this.js = js;
    }

    JetStreamPublishReport run() throws IOException, InterruptedException {
        try (BenchConnections connections = new BenchConnections(settings)) {
            return run(connections);
        }
    }

    private JetStreamPublishReport run(BenchConnections connections) throws IOException, InterruptedException {
        Connection admin = connections.open("hermod-bench-js-admin");
        BenchStream stream = BenchStream.create(admin, js.stream(), settings.subject(), js.storage(),
                settings.settleTimeout());
        boolean deleted = false;
        try {
            JetStreamPublishReport report = publishInto(stream, connections);
            if (!js.keepStream()) {
                deleted = true;
                stream.delete();
            }
            return report;
        } finally {
            if (!js.keepStream() && !deleted) {
                try {
                    stream.delete();
                } catch (IOException | RuntimeException e) {
                    // The run already failed; its error is the one worth reporting.
                }
            }
        }
    }

    private JetStreamPublishReport publishInto(BenchStream stream, BenchConnections connections)
            throws IOException, InterruptedException {
        long firstSeq = stream.state().getLastSequence() + 1;
        AckLedger ledger = new AckLedger(stream.name(), firstSeq, settings.messages());
        List<Publisher> publishers = new ArrayList<>();
        for (int i = 0; i < settings.publishers(); i++) {
            Connection connection = connections.open("hermod-bench-js-pub-" + (i + 1));
            JetStream jetStream = connection.jetStream(BenchStream.options(settings.settleTimeout()));
            publishers.add(new Publisher(jetStream, settings.messagesForPublisher(i), ledger));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < publishers.size(); i++) {
            Publisher publisher = publishers.get(i);
            Thread thread = new Thread(() -> publisher.run(go), "js-pub-" + (i + 1));
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        long start;
        try (ProgressBar bar = ProgressBar.start(settings.progress(), "acked", settings.messages(), ledger::acked)) {
            start = System.nanoTime();
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        }
        long end = start;
        Histogram latencies = js.async() ? null : new Histogram(MAX_LATENCY_MICROS, 3);
        List<String> problems = new ArrayList<>();
        for (Publisher publisher : publishers) {
            end = Math.max(end, publisher.endNanos);
            if (latencies != null) {
                latencies.add(publisher.latencies);
            }
            if (publisher.failure != null) {
                problems.add(publisher.failure);
            }
        }
        problems.addAll(ledger.problems());
        StreamState state = stream.state();
        String title = String.format(Locale.ROOT,
                "JetStream %s publish benchmark [%s, stream=%s (%s), subject=%s, msgs=%,d, size=%,d B, pubs=%d%s]",
                js.async() ? "async" : "sync", settings.endpoint().url(), stream.name(), js.storage().label(),
                settings.subject(), settings.messages(), settings.messageSize(), settings.publishers(),
                js.async() ? ", inflight=" + js.inflight() : "");
        return new JetStreamPublishReport(js.async() ? "js-async" : "js-sync", title, settings.messages(),
                settings.messageSize(), ledger, latencies, end - start, state.getMsgCount(), state.getByteCount(),
                problems);
    }

    /** One publisher's loop on its own connection; its fields are read only after its thread ended. */
    private final class Publisher {
        private final JetStream jetStream;
        private final long count;
        private final AckLedger ledger;
        private final Histogram latencies = new Histogram(MAX_LATENCY_MICROS, 3);
        private long endNanos;
        private String failure;

        Publisher(JetStream jetStream, long count, AckLedger ledger) {
            this.jetStream = jetStream;
            this.count = count;
            this.ledger = ledger;
        }

        void run(CountDownLatch go) {
            try {
                go.await();
                if (js.async()) {
                    publishAsync();
                } else {
                    publishSync();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = Thread.currentThread().getName() + " interrupted";
            } catch (RuntimeException e) {
                failure = Thread.currentThread().getName() + ": " + e;
            }
            endNanos = Math.max(endNanos, System.nanoTime());
        }

        private void publishSync() {
            byte[] payload = settings.payload();
            String subject = settings.subject();
            int consecutiveFailures = 0;
            for (long i = 0; i < count && consecutiveFailures < MAX_CONSECUTIVE_FAILURES; i++) {
                long sent = System.nanoTime();
                try {
                    PublishAck ack = jetStream.publish(subject, payload);
                    long micros = (System.nanoTime() - sent) / 1000;
                    latencies.recordValue(Math.min(micros, MAX_LATENCY_MICROS));
                    ledger.ack(ack.getStream(), ack.getSeqno(), ack.isDuplicate());
                    consecutiveFailures = 0;
                } catch (IOException | JetStreamApiException e) {
                    ledger.error(e.toString());
                    consecutiveFailures++;
                }
            }
            if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
                failure = Thread.currentThread().getName() + " gave up after " + consecutiveFailures
                        + " failed publishes in a row";
            }
        }

        /**
         * Keeps at most {@code inflight} publishes unacknowledged: a permit is taken per publish and given back
         * when its ack (or error) arrives. The run ends when the last ack is in, or when acks stop coming.
         */
        private void publishAsync() throws InterruptedException {
            byte[] payload = settings.payload();
            String subject = settings.subject();
            int inflight = js.inflight();
            Semaphore permits = new Semaphore(inflight);
            AtomicLong lastAck = new AtomicLong(System.nanoTime());
            AtomicLong answered = new AtomicLong();
            long timeoutNanos = settings.settleTimeout().toNanos();
            for (long i = 0; i < count; i++) {
                if (!permits.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS)) {
                    failure = Thread.currentThread().getName() + ": no ack for " + settings.settleTimeout().toSeconds()
                            + " s with " + inflight + " outstanding";
                    return;
                }
                CompletableFuture<PublishAck> future;
                try {
                    future = jetStream.publishAsync(subject, payload);
                } catch (RuntimeException e) {
                    permits.release();
                    ledger.error(e.toString());
                    failure = Thread.currentThread().getName() + " stopped publishing: " + e;
                    break;
                }
                future.whenComplete((ack, error) -> {
                    if (error != null) {
                        ledger.error(describe(error));
                    } else {
                        ledger.ack(ack.getStream(), ack.getSeqno(), ack.isDuplicate());
                    }
                    lastAck.set(System.nanoTime());
                    answered.incrementAndGet();
                    permits.release();
                });
            }
            boolean allIn = ProgressWait.await(() -> permits.availablePermits() == inflight, answered::get,
                    settings.settleTimeout());
            if (!allIn && failure == null) {
                failure = Thread.currentThread().getName() + ": " + (inflight - permits.availablePermits())
                        + " acks still outstanding after " + settings.settleTimeout().toSeconds() + " s without one";
            }
            endNanos = lastAck.get();
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.toString();
    }
}
