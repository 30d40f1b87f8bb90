package io.hermod.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Publish/subscribe throughput in the shape nats bench prints it, plus what went missing. */
record PubSubReport(String mode, String title, List<Sample> publishers, List<Sample> subscribers,
                    long expectedDeliveries, List<String> problems) implements BenchReport {

    long delivered() {
        return subscribers.stream().mapToLong(Sample::messages).sum();
    }

    long missing() {
        return Math.max(0, expectedDeliveries - delivered());
    }

    @Override
    public long messagesRouted() {
        return delivered();
    }

    @Override
    public boolean complete() {
        return missing() == 0 && problems.isEmpty();
    }

    @Override
    public String text() {
        Sample pub = Sample.combine(publishers);
        Sample sub = Sample.combine(subscribers);
        Sample all = Sample.combine(List.of(pub, sub));
        StringBuilder out = new StringBuilder(title).append('\n').append('\n');
        if (!publishers.isEmpty() && !subscribers.isEmpty()) {
            out.append(line("Pub/Sub stats", all, null));
        }
        appendGroup(out, "Pub stats", pub, publishers);
        appendGroup(out, "Sub stats", sub, subscribers);
        if (!subscribers.isEmpty()) {
            out.append(String.format(Locale.ROOT, " Delivered %,d of %,d expected (%,d missing)%n",
                    delivered(), expectedDeliveries, missing()));
        }
        for (String problem : problems) {
            out.append(" Problem: ").append(problem).append('\n');
        }
        return out.toString();
    }

    private static void appendGroup(StringBuilder out, String name, Sample group, List<Sample> members) {
        if (members.isEmpty()) {
            return;
        }
        out.append(line(" " + name, group, null));
        if (members.size() > 1) {
            for (int i = 0; i < members.size(); i++) {
                out.append(line("  [" + (i + 1) + "]", members.get(i), members.get(i).messages()));
            }
        }
    }

    private static String line(String label, Sample sample, Long messages) {
        String count = messages == null ? "" : String.format(Locale.ROOT, " (%,d msgs)", messages);
        return String.format(Locale.ROOT, "%s: %,.0f msgs/sec ~ %,.2f MB/sec%s%n",
                label, sample.messagesPerSecond(), sample.megabytesPerSecond(), count);
    }

    @Override
    public Figures figures() {
        Sample pub = Sample.combine(publishers);
        Sample sub = Sample.combine(subscribers);
        Sample all = Sample.combine(List.of(pub, sub));
        Figures figures = new Figures(mode)
                .add("publishers", publishers.size(), "count")
                .add("subscribers", subscribers.size(), "count")
                .add("pub_msgs_per_sec", pub.messagesPerSecond(), "msgs/s")
                .add("pub_mb_per_sec", pub.megabytesPerSecond(), "MB/s")
                .add("sub_msgs_per_sec", sub.messagesPerSecond(), "msgs/s")
                .add("sub_mb_per_sec", sub.megabytesPerSecond(), "MB/s")
                .add("agg_msgs_per_sec", all.messagesPerSecond(), "msgs/s")
                .add("agg_mb_per_sec", all.megabytesPerSecond(), "MB/s")
                .add("msgs_published", pub.messages(), "msgs")
                .add("msgs_expected", expectedDeliveries, "msgs")
                .add("msgs_delivered", delivered(), "msgs")
                .add("msgs_missing", missing(), "msgs")
                .add("duration_s", all.messages() == 0 ? 0 : all.seconds(), "s");
        return figures.add("problems", problems.size(), "count");
    }

    static List<String> collectProblems(List<String> maybeProblems) {
        List<String> problems = new ArrayList<>();
        for (String problem : maybeProblems) {
            if (problem != null) {
                problems.add(problem);
            }
        }
        return problems;
    }
}
