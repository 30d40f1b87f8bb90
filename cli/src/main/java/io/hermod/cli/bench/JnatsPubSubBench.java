package io.hermod.cli.bench;

import io.hermod.cli.client.output.ProgressBar;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Publish/subscribe through jnats, as an application would see the server. */
final class JnatsPubSubBench {
    /** Messages between clock reads on the publishing loop. */
    private static final int TALLY_BATCH = 1024;
    /** Subscribers buffer rather than drop: a benchmark should count what the server delivered. */
    private static final long PENDING_MESSAGES = 20_000_000;
    private static final long PENDING_BYTES = 4L << 30;

    private final BenchSettings settings;

    JnatsPubSubBench(BenchSettings settings) {
        this.settings = settings;
    }

    PubSubReport run() throws IOException, InterruptedException {
        try (BenchConnections connections = new BenchConnections(settings)) {
            return run(connections);
        }
    }

    private PubSubReport run(BenchConnections connections) throws IOException, InterruptedException {
        List<MessageTally> subTallies = new ArrayList<>();
        for (int i = 0; i < settings.subscribers(); i++) {
            Connection connection = connections.open("hermod-bench-sub-" + (i + 1));
            MessageTally tally = new MessageTally();
            subTallies.add(tally);
            // A dispatcher delivers on one thread, so the tally has a single writer.
            Dispatcher dispatcher = connection.createDispatcher(message -> tally.add(1, System.nanoTime()));
            if (settings.queue()) {
                dispatcher.subscribe(settings.subject(), settings.queueGroup());
            } else {
                dispatcher.subscribe(settings.subject());
            }
            dispatcher.setPendingLimits(PENDING_MESSAGES, PENDING_BYTES);
            flush(connection);
        }
        List<Connection> pubConnections = new ArrayList<>();
        for (int i = 0; i < settings.publishers(); i++) {
            Connection connection = connections.open("hermod-bench-pub-" + (i + 1));
            pubConnections.add(connection);
        }

        List<MessageTally> pubTallies = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        byte[] payload = settings.payload();
        for (int i = 0; i < pubConnections.size(); i++) {
            MessageTally tally = new MessageTally();
            pubTallies.add(tally);
            Connection connection = pubConnections.get(i);
            long count = settings.messagesForPublisher(i);
            Thread thread = new Thread(() -> publish(connection, payload, count, tally, go, problems),
                    "jnats-pub-" + (i + 1));
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }

        long expected = settings.expectedDeliveries();
        boolean hasSubscribers = !subTallies.isEmpty();
        try (ProgressBar bar = ProgressBar.start(settings.progress(), hasSubscribers ? "delivered" : "published",
                hasSubscribers ? expected : settings.messages(),
                () -> MessageTally.total(hasSubscribers ? subTallies : pubTallies))) {
            go.countDown();
            ProgressWait.await(() -> threads.stream().noneMatch(Thread::isAlive),
                    () -> MessageTally.total(pubTallies), settings.settleTimeout());
            ProgressWait.await(() -> MessageTally.total(subTallies) >= expected,
                    () -> MessageTally.total(subTallies), settings.settleTimeout());
        }
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                problems.add(thread.getName() + " did not finish");
            }
        }
        int size = settings.messageSize();
        List<String> found;
        synchronized (problems) {
            found = List.copyOf(problems);
        }
        return new PubSubReport("jnats", BenchTitles.pubSub("NATS (jnats) pub/sub", settings),
                pubTallies.stream().map(t -> t.toSample(size)).toList(),
                subTallies.stream().map(t -> t.toSample(size)).toList(), hasSubscribers ? expected : 0, found);
    }

    private void publish(Connection connection, byte[] payload, long count, MessageTally tally,
                         CountDownLatch go, List<String> problems) {
        try {
            go.await();
            tally.start(System.nanoTime());
            String subject = settings.subject();
            long sent = 0;
            while (sent < count) {
                long batchEnd = Math.min(count, sent + TALLY_BATCH);
                for (long i = sent; i < batchEnd; i++) {
                    connection.publish(subject, payload);
                }
                tally.add(batchEnd - sent, System.nanoTime());
                sent = batchEnd;
            }
            flush(connection);
            tally.finish(System.nanoTime());
        } catch (IOException | RuntimeException e) {
            synchronized (problems) {
                problems.add(Thread.currentThread().getName() + ": " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void flush(Connection connection) throws IOException, InterruptedException {
        JnatsClients.flush(connection, settings.settleTimeout().plus(Duration.ofSeconds(5)));
    }
}
