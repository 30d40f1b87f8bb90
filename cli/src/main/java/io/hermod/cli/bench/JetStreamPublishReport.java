package io.hermod.cli.bench;

import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Locale;

/**
 * Publish rate into a stream, what the acks said, and (synchronous runs only) each publish's round trip to its
 * PubAck in microseconds.
 *
 * @param latencies null for an asynchronous run, whose publishes overlap
 */
record JetStreamPublishReport(String mode, String title, long requested, int messageSize, AckLedger ledger,
                              Histogram latencies, long elapsedNanos, long streamMessages, long streamBytes,
                              List<String> problems) implements BenchReport {

    double messagesPerSecond() {
        return ledger.acked() / Math.max(elapsedNanos / 1e9, 1e-9);
    }

    double megabytesPerSecond() {
        return messagesPerSecond() * messageSize / (1024.0 * 1024.0);
    }

    /** Each acknowledged publish is one message stored. */
    @Override
    public long messagesRouted() {
        return ledger.acked();
    }

    @Override
    public boolean complete() {
        return ledger.acked() == requested && problems.isEmpty();
    }

    @Override
    public String text() {
        StringBuilder out = new StringBuilder(title).append("\n\n");
        out.append(String.format(Locale.ROOT, "Pub stats: %,.0f msgs/sec ~ %,.2f MB/sec (%,d of %,d acked in %.2f s)%n",
                messagesPerSecond(), megabytesPerSecond(), ledger.acked(), requested, elapsedNanos / 1e9));
        out.append(String.format(Locale.ROOT,
                " Acks: %,d failed, %,d sequences missing, %,d duplicated, %,d out of range%n",
                ledger.errors(), ledger.gaps(), ledger.duplicates(), ledger.outOfRange()));
        if (latencies != null) {
            out.append(String.format(Locale.ROOT,
                    " Publish->PubAck latency (us): min %,d | p50 %,d | p90 %,d | p99 %,d | p99.9 %,d | max %,d | mean %,.1f%n",
                    latencies.getMinValue(), percentile(50), percentile(90), percentile(99), percentile(99.9),
                    latencies.getMaxValue(), latencies.getMean()));
        }
        out.append(String.format(Locale.ROOT, " Stream afterwards: %,d messages, %,d bytes%n", streamMessages,
                streamBytes));
        for (String problem : problems) {
            out.append(" Problem: ").append(problem).append('\n');
        }
        return out.toString();
    }

    private long percentile(double p) {
        return latencies.getValueAtPercentile(p);
    }

    @Override
    public Figures figures() {
        Figures figures = new Figures(mode)
                .add("pub_msgs_per_sec", messagesPerSecond(), "msgs/s")
                .add("pub_mb_per_sec", megabytesPerSecond(), "MB/s")
                .add("msgs_published", requested, "msgs")
                .add("msgs_acked", ledger.acked(), "msgs")
                .add("ack_errors", ledger.errors(), "msgs")
                .add("ack_seq_gaps", ledger.gaps(), "msgs")
                .add("ack_seq_duplicates", ledger.duplicates(), "msgs")
                .add("stream_msgs", streamMessages, "msgs")
                .add("stream_bytes", streamBytes, "bytes");
        if (latencies != null) {
            figures.add("latency_min_us", latencies.getMinValue(), "us")
                    .add("latency_p50_us", percentile(50), "us")
                    .add("latency_p90_us", percentile(90), "us")
                    .add("latency_p99_us", percentile(99), "us")
                    .add("latency_p999_us", percentile(99.9), "us")
                    .add("latency_max_us", latencies.getMaxValue(), "us")
                    .add("latency_mean_us", latencies.getMean(), "us");
        }
        return figures.add("duration_s", elapsedNanos / 1e9, "s")
                .add("problems", problems.size(), "count");
    }
}
