package io.hermod.cli.bench;

import java.util.List;
import java.util.Locale;

/**
 * How fast a durable consumer with explicit acks drained a pre-filled stream. The drain rate counts from the
 * consumer's first read until the server showed every ack applied; the receive rate until the last message
 * arrived. Server CPU covers the drain only (NaN when not measured).
 */
record JetStreamConsumeReport(String mode, String title, long requested, int messageSize, long filled,
                              long fillNanos, DeliveryTally tally, long drainNanos, long receiveNanos,
                              boolean acksSettled, double serverCpuSeconds, List<String> problems)
        implements BenchReport {

    double consumeMessagesPerSecond() {
        return tally.received() / seconds(drainNanos);
    }

    double receiveMessagesPerSecond() {
        return tally.received() / seconds(receiveNanos);
    }

    double fillMessagesPerSecond() {
        return filled / seconds(fillNanos);
    }

    private static double seconds(long nanos) {
        return Math.max(nanos / 1e9, 1e-9);
    }

    /** Each message delivered to the consumer (and acknowledged) counts once. */
    @Override
    public long messagesRouted() {
        return tally.received();
    }

    @Override
    public boolean complete() {
        return tally.complete() && acksSettled && problems.isEmpty();
    }

    @Override
    public String text() {
        StringBuilder out = new StringBuilder(title).append("\n\n");
        out.append(String.format(Locale.ROOT, "Fill: %,.0f msgs/sec (%,d of %,d acked in %.2f s, not part of the "
                + "drain)%n", fillMessagesPerSecond(), filled, requested, fillNanos / 1e9));
        out.append(String.format(Locale.ROOT, "Consume stats: %,.0f msgs/sec ~ %,.2f MB/sec (%,d received, every ack "
                        + "applied, in %.2f s)%n", consumeMessagesPerSecond(),
                consumeMessagesPerSecond() * messageSize / (1024.0 * 1024.0), tally.received(), drainNanos / 1e9));
        out.append(String.format(Locale.ROOT, " Until the last message arrived: %,.0f msgs/sec (%.2f s)%n",
                receiveMessagesPerSecond(), receiveNanos / 1e9));
        out.append(String.format(Locale.ROOT, " Deliveries: %,d missing, %,d duplicated, %,d redelivered%n",
                tally.missing(), tally.duplicates(), tally.redelivered()));
        if (!Double.isNaN(serverCpuSeconds)) {
            out.append(ServerCpuMeter.describe(serverCpuSeconds, tally.received()));
        }
        for (String problem : problems) {
            out.append(" Problem: ").append(problem).append('\n');
        }
        return out.toString();
    }

    @Override
    public Figures figures() {
        Figures figures = new Figures(mode)
                .add("consume_msgs_per_sec", consumeMessagesPerSecond(), "msgs/s")
                .add("consume_mb_per_sec", consumeMessagesPerSecond() * messageSize / (1024.0 * 1024.0), "MB/s")
                .add("receive_msgs_per_sec", receiveMessagesPerSecond(), "msgs/s")
                .add("fill_msgs_per_sec", fillMessagesPerSecond(), "msgs/s")
                .add("msgs_requested", requested, "msgs")
                .add("msgs_consumed", tally.received(), "msgs")
                .add("msgs_missing", tally.missing(), "msgs")
                .add("msgs_duplicated", tally.duplicates(), "msgs")
                .add("msgs_redelivered", tally.redelivered(), "msgs")
                .add("duration_s", drainNanos / 1e9, "s");
        if (!Double.isNaN(serverCpuSeconds)) {
            ServerCpuMeter.addFigures(figures, serverCpuSeconds, tally.received());
        }
        return figures.add("problems", problems.size(), "count");
    }
}
