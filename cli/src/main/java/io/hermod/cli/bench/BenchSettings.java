package io.hermod.cli.bench;

import java.io.PrintStream;
import java.time.Duration;

/**
 * What one run measures, built once from the command line and handed to the benchmark that runs it.
 *
 * @param progress where the progress bar goes, or null for none
 * @param settleTimeout how long subscribers may go without receiving anything before the run gives up on
 *        the missing messages
 */
record BenchSettings(NatsEndpoint endpoint, String subject, int publishers, int subscribers, long messages,
                     int messageSize, boolean queue, String queueGroup, Duration settleTimeout,
                     PrintStream progress) {

    /** Messages each subscriber should see: all of them in fan-out, an unknown share in a queue group. */
    long expectedPerSubscriber() {
        return queue ? Long.MAX_VALUE : messages;
    }

    /** Deliveries the subscribers should see together. */
    long expectedDeliveries() {
        return queue ? messages : messages * subscribers;
    }

    /** Publisher {@code index}'s share of the messages; the first ones take the remainder. */
    long messagesForPublisher(int index) {
        long share = messages / publishers;
        return index < messages % publishers ? share + 1 : share;
    }

    byte[] payload() {
        byte[] payload = new byte[messageSize];
        java.util.Arrays.fill(payload, (byte) 'h');
        return payload;
    }
}
