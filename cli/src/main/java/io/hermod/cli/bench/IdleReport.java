package io.hermod.cli.bench;

import java.util.Locale;

/** How many idle connections were held, how fast they opened, and the server memory they took (KiB). */
record IdleReport(String url, int requested, int opened, long openNanos, long rssBeforeKiB, long rssAfterKiB,
                  String failure) implements BenchReport {

    boolean memoryKnown() {
        return rssBeforeKiB >= 0 && rssAfterKiB >= 0 && opened > 0;
    }

    double kibPerConnection() {
        return (rssAfterKiB - rssBeforeKiB) / (double) opened;
    }

    double connectionsPerSecond() {
        return opened / Math.max(openNanos / 1e9, 1e-9);
    }

    @Override
    public long messagesRouted() {
        return 0;
    }

    @Override
    public boolean complete() {
        return opened == requested && failure == null;
    }

    @Override
    public String text() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Idle connections benchmark [%s, connections=%,d]%n%n", url, requested));
        out.append(String.format(Locale.ROOT, "Opened %,d of %,d connections in %.2f s (%,.0f connections/sec)%n",
                opened, requested, openNanos / 1e9, connectionsPerSecond()));
        if (memoryKnown()) {
            out.append(String.format(Locale.ROOT, " Server RSS: %,d KiB before, %,d KiB after: %.2f KiB per connection%n",
                    rssBeforeKiB, rssAfterKiB, kibPerConnection()));
        }
        if (failure != null) {
            out.append(" Problem: ").append(failure).append('\n');
        }
        return out.toString();
    }

    @Override
    public Figures figures() {
        Figures figures = new Figures("idle")
                .add("connections_requested", requested, "count")
                .add("connections_opened", opened, "count")
                .add("connections_per_sec", connectionsPerSecond(), "conn/s");
        if (memoryKnown()) {
            figures.add("server_rss_before_kib", rssBeforeKiB, "KiB")
                    .add("server_rss_after_kib", rssAfterKiB, "KiB")
                    .add("kib_per_connection", kibPerConnection(), "KiB");
        }
        return figures.add("problems", failure == null ? 0 : 1, "count");
    }
}
