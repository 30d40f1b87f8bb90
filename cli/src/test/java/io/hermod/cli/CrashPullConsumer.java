package io.hermod.cli;

import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches from a durable pull consumer on its own thread until stopped (or its connection dies), records every
 * delivery in a {@link DeliveryLedger} and acknowledges with {@code ackSync}: redeliveries always, first deliveries
 * mostly, leaving some unacknowledged so that a crash has work to bring back (or all, when draining).
 */
final class CrashPullConsumer implements AutoCloseable {
    private static final Duration ACK_WAIT = Duration.ofSeconds(5);
    private static final Duration FETCH_WAIT = Duration.ofMillis(500);

    private final JetStreamSubscription sub;
    private final DeliveryLedger ledger;
    private final Random random;
    private final boolean ackEverything;
    private final String context;
    private final Thread thread;
    private volatile boolean stopped;

    CrashPullConsumer(JetStreamSubscription sub, DeliveryLedger ledger, long seed, boolean ackEverything,
                      String context) {
        this.sub = sub;
        this.ledger = ledger;
        this.random = new Random(seed);
        this.ackEverything = ackEverything;
        this.context = context;
        this.thread = new Thread(this::consume, "crash-consumer");
        thread.setDaemon(true);
    }

    CrashPullConsumer start() {
        thread.start();
        return this;
    }

    private void consume() {
        try {
            while (!stopped) {
                List<Message> batch = sub.fetch(1 + random.nextInt(40), FETCH_WAIT);
                for (Message m : batch) {
                    long seq = m.metaData().streamSequence();
                    int count = (int) m.metaData().deliveredCount();
                    ledger.delivered(seq, count, m.getData(), context);
                    if (ackEverything || count > 1 || random.nextInt(8) != 0) {
                        ack(m, seq);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the connection died with the server
        }
    }

    private void ack(Message m, long seq) throws InterruptedException {
        try {
            m.ackSync(ACK_WAIT);
            ledger.ackConfirmed(seq);
        } catch (TimeoutException | RuntimeException e) {
            ledger.ackUnconfirmed(seq);
            if (e instanceof RuntimeException r) {
                throw r;
            }
        } catch (InterruptedException e) {
            ledger.ackUnconfirmed(seq);
            throw e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }
}
