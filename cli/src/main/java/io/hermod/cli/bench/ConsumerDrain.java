package io.hermod.cli.bench;

import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Receives a durable consumer's messages until the tally is complete or nothing arrives for {@code stall}, and
 * acknowledges each one ({@code +ACK}, not waiting for a reply), as an application with explicit acks does: pull
 * fetches batches, push reads its delivery subject. Runs on the calling thread.
 */
final class ConsumerDrain {
    private ConsumerDrain() {
    }

    /** The consumer as the run creates it: durable, explicit acks, delivering all, to an inbox when it pushes. */
    static ConsumerConfiguration configuration(ConsumeSettings consume, String deliverSubject) {
        ConsumerConfiguration.Builder builder = ConsumerConfiguration.builder().durable(consume.consumerName())
                .ackPolicy(AckPolicy.Explicit).maxAckPending(consume.maxAckPending());
        if (consume.push()) {
            builder.deliverSubject(deliverSubject);
        }
        return builder.build();
    }

    /** Drains into {@code tally}; returns the nanoTime the last message arrived. */
    static long drain(JetStream js, ConsumeSettings consume, DeliveryTally tally, Duration stall)
            throws IOException, InterruptedException {
        try {
            return consume.push() ? push(js, consume, tally, stall) : pull(js, consume, tally, stall);
        } catch (JetStreamApiException e) {
            throw new IOException("cannot subscribe to consumer " + consume.consumerName() + ": " + e.getMessage(), e);
        }
    }

    private static long pull(JetStream js, ConsumeSettings consume, DeliveryTally tally, Duration stall)
            throws IOException, JetStreamApiException {
        JetStreamSubscription sub = js.subscribe(null, PullSubscribeOptions.bind(consume.stream(),
                consume.consumerName()));
        long last = System.nanoTime();
        Duration wait = stall.compareTo(Duration.ofSeconds(1)) < 0 ? stall : Duration.ofSeconds(1);
        try {
            while (!tally.complete()) {
                // Never ask for more than is left: the last fetch then ends when its batch is full, not on expiry.
                int want = (int) Math.max(1, Math.min(consume.batch(), tally.missing()));
                List<Message> batch = sub.fetch(want, wait);
                if (batch.isEmpty()) {
                    if (System.nanoTime() - last > stall.toNanos()) {
                        break;
                    }
                    continue;
                }
                for (Message m : batch) {
                    tally.record(m.metaData().streamSequence(), m.metaData().deliveredCount());
                    m.ack();
                }
                last = System.nanoTime();
            }
        } finally {
            sub.unsubscribe();
        }
        return last;
    }

    private static long push(JetStream js, ConsumeSettings consume, DeliveryTally tally, Duration stall)
            throws IOException, JetStreamApiException, InterruptedException {
        JetStreamSubscription sub = js.subscribe(null, PushSubscribeOptions.bind(consume.stream(),
                consume.consumerName()));
        long last = System.nanoTime();
        try {
            while (!tally.complete()) {
                Message m = sub.nextMessage(stall);
                if (m == null) {
                    break;
                }
                tally.record(m.metaData().streamSequence(), m.metaData().deliveredCount());
                m.ack();
                last = System.nanoTime();
            }
        } finally {
            sub.unsubscribe();
        }
        return last;
    }
}
