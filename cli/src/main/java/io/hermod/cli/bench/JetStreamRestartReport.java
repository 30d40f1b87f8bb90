package io.hermod.cli.bench;

import java.util.Locale;

/**
 * Time from the server process's start until its stream answered STREAM.INFO with all its messages, and what
 * the server had used by then.
 *
 * @param restartSeconds NaN when the stream did not come back
 * @param problem null when it did
 */
record JetStreamRestartReport(String title, long expectedMessages, long streamMessages, long polls,
                              double restartSeconds, double serverCpuSeconds, long serverRssKiB, String problem)
        implements BenchReport {

    @Override
    public long messagesRouted() {
        return 0;
    }

    @Override
    public boolean complete() {
        return problem == null;
    }

    @Override
    public String text() {
        StringBuilder out = new StringBuilder(title).append("\n\n");
        if (problem == null) {
            out.append(String.format(Locale.ROOT,
                    "Restart: stream served with %,d messages %.2f s after the server process started "
                            + "(%,d STREAM.INFO polls)%n", streamMessages, restartSeconds, polls));
            out.append(String.format(Locale.ROOT, " Server by then: %.2f CPU-s, %,d KiB resident%n",
                    serverCpuSeconds, serverRssKiB));
        } else {
            out.append(" Problem: ").append(problem).append('\n');
        }
        return out.toString();
    }

    @Override
    public Figures figures() {
        return new Figures("js-restart")
                .add("restart_s", restartSeconds, "s")
                .add("stream_msgs", streamMessages, "msgs")
                .add("msgs_expected", expectedMessages, "msgs")
                .add("polls", polls, "count")
                .add("server_cpu_s_at_ready", serverCpuSeconds, "s")
                .add("server_rss_kib_at_ready", serverRssKiB, "KiB")
                .add("problems", problem == null ? 0 : 1, "count");
    }
}
