package io.hermod.cli.bench;

import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Locale;

/** Round-trip rate and latency percentiles (microseconds) of a request/reply run. */
record RequestReplyReport(String title, long requested, Histogram latencies, long timeouts, long elapsedNanos,
                          List<String> problems) implements BenchReport {

    long completed() {
        return latencies.getTotalCount();
    }

    double requestsPerSecond() {
        return completed() / Math.max(elapsedNanos / 1e9, 1e-9);
    }

    /** Each round trip routes two messages: the request to a replier and the reply back. */
    @Override
    public long messagesRouted() {
        return 2 * completed();
    }

    @Override
    public boolean complete() {
        return completed() == requested && problems.isEmpty();
    }

    @Override
    public String text() {
        StringBuilder out = new StringBuilder(title).append("\n\n");
        out.append(String.format(Locale.ROOT, "Request/reply stats: %,.0f round trips/sec (%,d of %,d, %,d timed out)%n",
                requestsPerSecond(), completed(), requested, timeouts));
        out.append(String.format(Locale.ROOT,
                " Latency (us): min %,d | p50 %,d | p90 %,d | p99 %,d | p99.9 %,d | max %,d | mean %,.1f%n",
                latencies.getMinValue(), percentile(50), percentile(90), percentile(99), percentile(99.9),
                latencies.getMaxValue(), latencies.getMean()));
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
        return new Figures("request")
                .add("requests_per_sec", requestsPerSecond(), "req/s")
                .add("requests_completed", completed(), "req")
                .add("requests_timed_out", timeouts, "req")
                .add("latency_min_us", latencies.getMinValue(), "us")
                .add("latency_p50_us", percentile(50), "us")
                .add("latency_p90_us", percentile(90), "us")
                .add("latency_p99_us", percentile(99), "us")
                .add("latency_p999_us", percentile(99.9), "us")
                .add("latency_max_us", latencies.getMaxValue(), "us")
                .add("latency_mean_us", latencies.getMean(), "us")
                .add("duration_s", elapsedNanos / 1e9, "s")
                .add("problems", problems.size(), "count");
    }
}
