package io.hermod.cli.bench;

import io.hermod.cli.client.output.ProgressBar;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Publish/subscribe over plain sockets: lean clients, so the figures are bounded by the server and not by a
 * client library competing with it for the same cores.
 */
final class RawPubSubBench {
    private final BenchSettings settings;

    RawPubSubBench(BenchSettings settings) {
        this.settings = settings;
    }

    PubSubReport run() throws IOException, InterruptedException {
        List<RawConnection> connections = new ArrayList<>();
        try {
            return run(connections);
        } finally {
            for (RawConnection connection : connections) {
                connection.close();
            }
        }
    }

    private PubSubReport run(List<RawConnection> connections) throws IOException, InterruptedException {
        List<RawSubscriber> subscribers = new ArrayList<>();
        String group = settings.queue() ? settings.queueGroup() : null;
        for (int i = 0; i < settings.subscribers(); i++) {
            RawConnection connection = RawConnection.open(settings.endpoint(), RawConnection.BULK_READ_BUFFER);
            connections.add(connection);
            subscribers.add(RawSubscriber.subscribe(connection, settings.subject(), group,
                    settings.expectedPerSubscriber()));
        }
        List<RawPublisher> publishers = new ArrayList<>();
        byte[] payload = settings.payload();
        for (int i = 0; i < settings.publishers(); i++) {
            RawConnection connection = RawConnection.open(settings.endpoint(), RawConnection.BULK_READ_BUFFER);
            connections.add(connection);
            publishers.add(new RawPublisher(connection, settings.subject(), payload,
                    settings.messagesForPublisher(i)));
        }

        List<Thread> subscriberThreads = startAll("raw-sub", subscribers, null);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> publisherThreads = startAll("raw-pub", publishers, go);
        List<MessageTally> pubTallies = publishers.stream().map(RawPublisher::tally).toList();
        List<MessageTally> subTallies = subscribers.stream().map(RawSubscriber::tally).toList();
        long expected = settings.expectedDeliveries();
        boolean hasSubscribers = !subscribers.isEmpty();
        try (ProgressBar bar = ProgressBar.start(settings.progress(), hasSubscribers ? "delivered" : "published",
                hasSubscribers ? expected : settings.messages(),
                () -> MessageTally.total(hasSubscribers ? subTallies : pubTallies))) {
            go.countDown();
            ProgressWait.await(() -> publisherThreads.stream().noneMatch(Thread::isAlive),
                    () -> MessageTally.total(pubTallies), settings.settleTimeout());
            ProgressWait.await(() -> MessageTally.total(subTallies) >= expected,
                    () -> MessageTally.total(subTallies), settings.settleTimeout());
        }
        subscribers.forEach(RawSubscriber::stop);
        for (RawConnection connection : connections) {
            connection.close(); // unblocks any client still stuck on a stalled server
        }
        joinAll(subscriberThreads);
        joinAll(publisherThreads);

        List<String> problems = new ArrayList<>();
        for (RawPublisher publisher : publishers) {
            if (publisher.failure() != null) {
                problems.add("publisher: " + publisher.failure());
            }
        }
        for (RawSubscriber subscriber : subscribers) {
            if (subscriber.problem() != null) {
                problems.add("subscriber: " + subscriber.problem());
            }
        }
        int size = settings.messageSize();
        return new PubSubReport("raw", title(), pubTallies.stream().map(t -> t.toSample(size)).toList(),
                subTallies.stream().map(t -> t.toSample(size)).toList(), hasSubscribers ? expected : 0, problems);
    }

    private String title() {
        return BenchTitles.pubSub("Raw NATS pub/sub", settings);
    }

    private static List<Thread> startAll(String name, List<? extends Runnable> tasks, CountDownLatch gate) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Runnable task = tasks.get(i);
            Thread thread = new Thread(() -> {
                if (gate != null) {
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                task.run();
            }, name + "-" + (i + 1));
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(5_000);
        }
    }
}
