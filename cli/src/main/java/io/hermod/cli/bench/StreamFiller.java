package io.hermod.cli.bench;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Fills a stream before a consumer run: {@code publishAsync} with a bounded number of PubAcks outstanding, every
 * ack checked by an {@link AckLedger}, so the consumer is known to have exactly the messages asked for.
 */
final class StreamFiller {
    private StreamFiller() {
    }

    /** Publishes {@code count} messages into {@code stream} and waits for every ack, recording them in {@code ledger}. */
    static void fill(Connection connection, String stream, AckLedger ledger, String subject, byte[] payload,
                     long count, int inflight, Duration stall) throws IOException, InterruptedException {
        JetStream js = connection.jetStream(BenchStream.options(stall));
        Semaphore permits = new Semaphore(inflight);
        for (long i = 0; i < count; i++) {
            if (!permits.tryAcquire(stall.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IOException("filling " + stream + ": no PubAck for " + stall.toSeconds() + " s");
            }
            CompletableFuture<PublishAck> future = js.publishAsync(subject, payload);
            future.whenComplete((ack, error) -> {
                if (error != null) {
                    ledger.error(error.toString());
                } else {
                    ledger.ack(ack.getStream(), ack.getSeqno(), ack.isDuplicate());
                }
                permits.release();
            });
        }
        if (!ProgressWait.await(() -> permits.availablePermits() == inflight, permits::availablePermits, stall)) {
            throw new IOException("filling " + stream + ": " + (inflight - permits.availablePermits())
                    + " PubAcks still outstanding after " + stall.toSeconds() + " s");
        }
    }
}
