package io.hermod.cli.bench;

import io.hermod.cli.client.output.ProgressBar;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerInfo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A durable consumer with explicit acks draining a stream: the stream is created on the bench subject and filled
 * with {@code -n} messages first (not timed as part of the drain), then the consumer is created and read until
 * every message has arrived and the server's consumer info shows every ack applied (ack floor at the last
 * sequence, nothing pending). The server's CPU is measured over the drain alone.
 */
final class JetStreamConsumeBench {
    private final BenchSettings settings;
    private final ConsumeSettings consume;
    private final ProcFiles server;

    /** @param server the server process for CPU figures, or null */
    JetStreamConsumeBench(BenchSettings settings, ConsumeSettings consume, ProcFiles server) {
        this.settings = settings;
        this.consume = consume;
        this.server = server;
    }

    JetStreamConsumeReport run() throws IOException, InterruptedException {
        try (BenchConnections connections = new BenchConnections(settings)) {
            Connection admin = connections.open("hermod-bench-consume-admin");
            BenchStream stream = BenchStream.create(admin, consume.stream(), settings.subject(), consume.storage(),
                    settings.settleTimeout());
            try {
                JetStreamConsumeReport report = fillAndDrain(admin, stream, connections);
                if (!consume.keepStream()) {
                    BenchStream created = stream;
                    stream = null;
                    created.delete();
                }
                return report;
            } finally {
                if (stream != null && !consume.keepStream()) {
                    try {
                        stream.delete();
                    } catch (IOException | RuntimeException e) {
                        // The run already failed; its error is the one worth reporting.
                    }
                }
            }
        }
    }

    private JetStreamConsumeReport fillAndDrain(Connection admin, BenchStream stream, BenchConnections connections)
            throws IOException, InterruptedException {
        long firstSeq = stream.state().getLastSequence() + 1;
        Connection publisher = connections.open("hermod-bench-consume-fill");
        long fillStart = System.nanoTime();
        AckLedger filled = new AckLedger(stream.name(), firstSeq, settings.messages());
        try (ProgressBar bar = ProgressBar.start(settings.progress(), "filled", settings.messages(), filled::acked)) {
            StreamFiller.fill(publisher, stream.name(), filled, settings.subject(), settings.payload(),
                    settings.messages(), consume.fillInflight(), settings.settleTimeout());
        }
        long fillNanos = System.nanoTime() - fillStart;
        List<String> problems = new ArrayList<>(filled.problems());
        if (!filled.clean()) {
            return report(stream, filled, fillNanos, new DeliveryTally(firstSeq, settings.messages()), 0, 0, 0,
                    Double.NaN, problems);
        }

        Connection subscriber = connections.open("hermod-bench-consume-" + consume.mode());
        JetStreamManagement jsm = admin.jetStreamManagement(BenchStream.options(settings.settleTimeout()));
        try {
            jsm.addOrUpdateConsumer(stream.name(), ConsumerDrain.configuration(consume, subscriber.createInbox()));
        } catch (JetStreamApiException e) {
            throw new IOException("cannot create consumer " + consume.consumerName() + ": " + e.getMessage(), e);
        }
        DeliveryTally tally = new DeliveryTally(firstSeq, settings.messages());
        ServerCpuMeter cpu = server == null ? null : ServerCpuMeter.start(server);
        long start = System.nanoTime();
        long lastReceived;
        try (ProgressBar bar = ProgressBar.start(settings.progress(), "consumed", settings.messages(),
                tally::received)) {
            lastReceived = ConsumerDrain.drain(subscriber.jetStream(BenchStream.options(settings.settleTimeout())),
                    consume, tally, settings.settleTimeout());
        }
        JnatsClients.flush(subscriber, settings.settleTimeout());
        boolean settled = ProgressWait.await(() -> acksApplied(jsm, stream.name(), tally.lastSeq()),
                () -> 0, settings.settleTimeout());
        long end = System.nanoTime();
        double cpuSeconds = cpu == null ? Double.NaN : cpu.elapsedCpuSeconds();
        if (!tally.complete()) {
            problems.add(tally.missing() + " messages never arrived (nothing for "
                    + settings.settleTimeout().toSeconds() + " s)");
        }
        if (!settled) {
            problems.add("the consumer's ack floor did not reach " + tally.lastSeq() + " within "
                    + settings.settleTimeout().toSeconds() + " s of the last message");
        }
        if (tally.duplicates() > 0 || tally.outOfRange() > 0 || tally.redelivered() > 0) {
            problems.add(String.format(Locale.ROOT, "%,d duplicated, %,d out of range, %,d redelivered",
                    tally.duplicates(), tally.outOfRange(), tally.redelivered()));
        }
        return report(stream, filled, fillNanos, tally, end - start, lastReceived - start,
                settled ? 1 : 0, cpuSeconds, problems);
    }

    private JetStreamConsumeReport report(BenchStream stream, AckLedger filled, long fillNanos, DeliveryTally tally,
                                          long drainNanos, long receiveNanos, int settled, double cpuSeconds,
                                          List<String> problems) {
        String title = String.format(Locale.ROOT,
                "JetStream %s consumer benchmark [%s, stream=%s (%s), subject=%s, msgs=%,d, size=%,d B, "
                        + "explicit acks, max_ack_pending=%,d%s]",
                consume.push() ? "push" : "pull", settings.endpoint().url(), stream.name(), consume.storage().label(),
                settings.subject(), settings.messages(), settings.messageSize(), consume.maxAckPending(),
                consume.push() ? "" : ", batch=" + consume.batch());
        return new JetStreamConsumeReport(consume.mode(), title, settings.messages(), settings.messageSize(),
                filled.acked(), fillNanos, tally, drainNanos, receiveNanos, settled == 1, cpuSeconds, problems);
    }

    /** Whether the server has applied every ack: ack floor at {@code lastSeq}, nothing pending or unacknowledged. */
    private boolean acksApplied(JetStreamManagement jsm, String stream, long lastSeq) {
        try {
            ConsumerInfo info = jsm.getConsumerInfo(stream, consume.consumerName());
            return info.getAckFloor().getStreamSequence() >= lastSeq && info.getNumAckPending() == 0
                    && info.getNumPending() == 0;
        } catch (IOException | JetStreamApiException e) {
            return false;
        }
    }
}
