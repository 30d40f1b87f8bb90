package io.hermod.cli.client.server;

import io.hermod.cli.client.CommandFailure;
import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.output.DurationConverter;
import io.hermod.cli.client.output.HumanBytes;
import io.hermod.cli.client.output.HumanDuration;
import io.hermod.cli.client.output.JsonOutput;
import io.nats.client.Connection;
import io.nats.client.api.AccountStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code hermod server check}: a monitoring probe. Connects, measures the round trip, asks JetStream for the
 * account's usage, and exits with the monitoring-plugin code of the worst finding.
 */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Check a NATS server for monitoring systems (Nagios, Icinga, Sensu): connect time, round-trip "
                + "time, JetStream status and storage use, each against warning and critical thresholds.",
                "Prints one status line with performance data (or --json) and exits 0 OK, 1 WARNING, 2 CRITICAL.",
                "The connect time is that of a second connection, so the client's own start-up is not counted."},
        footer = {"", "Examples:",
                "  hermod server check -s nats://broker:4222",
                "  hermod server check --rtt-warn 50ms --rtt-critical 200ms --jetstream",
                "  hermod server check --js-store-warn 75 --js-store-critical 90 --json"},
        exitCodeListHeading = "%nExit codes (monitoring-plugin convention):%n",
        exitCodeList = {"0:OK", "1:WARNING: a warning threshold was reached",
                "2:CRITICAL: cannot connect, JetStream required and unavailable, or a critical threshold reached "
                        + "(also: bad usage)"})
public final class ServerCheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--connect-warn", paramLabel = "DURATION", defaultValue = "500ms", converter = DurationConverter.class,
            description = "Warn when connecting takes this long or longer (default: ${DEFAULT-VALUE}).")
    private Duration connectWarn;

    @Option(names = "--connect-critical", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "Critical when connecting takes this long or longer (default: ${DEFAULT-VALUE}).")
    private Duration connectCritical;

    @Option(names = "--rtt-warn", paramLabel = "DURATION", defaultValue = "500ms", converter = DurationConverter.class,
            description = "Warn when the round trip (PING/PONG) takes this long or longer (default: ${DEFAULT-VALUE}).")
    private Duration rttWarn;

    @Option(names = "--rtt-critical", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "Critical when the round trip takes this long or longer (default: ${DEFAULT-VALUE}).")
    private Duration rttCritical;

    @Option(names = {"--jetstream", "--js-required"}, description = "Critical when JetStream does not answer.")
    private boolean jetStreamRequired;

    @Option(names = "--js-store-warn", paramLabel = "PERCENT",
            description = "Warn when file storage use reaches this percentage of the account's limit.")
    private Double storeWarn;

    @Option(names = "--js-store-critical", paramLabel = "PERCENT",
            description = "Critical when file storage use reaches this percentage of the account's limit.")
    private Double storeCritical;

    @Option(names = "--js-memory-warn", paramLabel = "PERCENT",
            description = "Warn when memory storage use reaches this percentage of the account's limit.")
    private Double memoryWarn;

    @Option(names = "--js-memory-critical", paramLabel = "PERCENT",
            description = "Critical when memory storage use reaches this percentage of the account's limit.")
    private Double memoryCritical;

    @Mixin
    private JsonOutput json;

    @Mixin
    private ConnectionOptions connection;

    /** One finding of the check. */
    record Finding(String check, CheckStatus status, String message) {
    }

    @Override
    public Integer call() throws Exception {
        List<Finding> findings = new ArrayList<>();
        Map<String, Object> metrics = new LinkedHashMap<>();
        String url = connection.settings().url();
        // A first connection shows the server is reachable and loads the client's classes; the second one is timed,
        // so that the figure is the server's connect time and not this JVM's warm-up.
        try {
            connection.connect().close();
        } catch (CommandFailure e) {
            findings.add(new Finding("connection", CheckStatus.CRITICAL, e.getMessage()));
            return report(findings, metrics);
        }
        long start = System.nanoTime();
        Connection nc;
        try {
            nc = connection.connect();
        } catch (CommandFailure e) {
            findings.add(new Finding("connection", CheckStatus.CRITICAL, e.getMessage()));
            return report(findings, metrics);
        }
        try (nc) {
            Duration connectTime = Duration.ofNanos(System.nanoTime() - start);
            metrics.put("connect_time", connectTime.toNanos() / 1e9);
            findings.add(threshold("connection", "connected to " + url + " in " + HumanDuration.format(connectTime),
                    connectTime, connectWarn, connectCritical));
            Duration rtt = nc.RTT();
            metrics.put("rtt", rtt.toNanos() / 1e9);
            findings.add(threshold("rtt", "rtt " + HumanDuration.format(rtt), rtt, rttWarn, rttCritical));
            checkJetStream(JetStreamStatus.of(nc, connection.timeout()), findings, metrics);
        }
        return report(findings, metrics);
    }

    private void checkJetStream(JetStreamStatus js, List<Finding> findings, Map<String, Object> metrics) {
        if (!js.available()) {
            findings.add(new Finding("jetstream", jetStreamRequired ? CheckStatus.CRITICAL : CheckStatus.OK,
                    "JetStream unavailable: " + js.unavailableReason()));
            return;
        }
        AccountStatistics stats = js.statistics();
        metrics.put("streams", stats.getStreams());
        metrics.put("consumers", stats.getConsumers());
        metrics.put("storage", stats.getStorage());
        metrics.put("memory", stats.getMemory());
        findings.add(new Finding("jetstream", CheckStatus.OK, "JetStream " + stats.getStreams() + " streams, "
                + stats.getConsumers() + " consumers, " + HumanBytes.format(stats.getStorage()) + " stored"));
        long maxStorage = stats.getLimits() == null ? -1 : stats.getLimits().getMaxStorage();
        long maxMemory = stats.getLimits() == null ? -1 : stats.getLimits().getMaxMemory();
        usage("storage", stats.getStorage(), maxStorage, storeWarn, storeCritical, findings);
        usage("memory", stats.getMemory(), maxMemory, memoryWarn, memoryCritical, findings);
    }

    /** A usage threshold applies only when the account has a limit (NATS reports -1 for none). */
    static void usage(String name, long used, long limit, Double warn, Double critical, List<Finding> findings) {
        if (warn == null && critical == null || limit <= 0) {
            return;
        }
        double percent = used * 100.0 / limit;
        CheckStatus status = critical != null && percent >= critical ? CheckStatus.CRITICAL
                : warn != null && percent >= warn ? CheckStatus.WARNING : CheckStatus.OK;
        findings.add(new Finding("jetstream_" + name, status, String.format(Locale.ROOT, "%s %.1f%% of %s used",
                name, percent, HumanBytes.format(limit))));
    }

    private static Finding threshold(String check, String message, Duration value, Duration warn, Duration critical) {
        CheckStatus status = value.compareTo(critical) >= 0 ? CheckStatus.CRITICAL
                : value.compareTo(warn) >= 0 ? CheckStatus.WARNING : CheckStatus.OK;
        return new Finding(check, status, message);
    }

    private int report(List<Finding> findings, Map<String, Object> metrics) {
        CheckStatus overall = CheckStatus.OK;
        for (Finding finding : findings) {
            overall = overall.worse(finding.status());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("status", overall.name());
            List<Map<String, Object>> checks = new ArrayList<>();
            for (Finding f : findings) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("check", f.check());
                c.put("status", f.status().name());
                c.put("message", f.message());
                checks.add(c);
            }
            doc.put("checks", checks);
            doc.put("metrics", metrics);
            JsonOutput.print(out, doc);
            return overall.exitCode();
        }
        // The nats CLI's plugin line: overall state, the check's name, each finding with its own state.
        StringBuilder line = new StringBuilder(overall.name()).append(" Server");
        for (Finding f : findings) {
            line.append(' ').append(f.status().name()).append(':').append(f.message());
        }
        if (!metrics.isEmpty()) {
            line.append(" |").append(perfData(metrics));
        }
        out.println(line);
        out.flush();
        return overall.exitCode();
    }

    /** Performance data in the plugin format: {@code label=value[unit];warn;crit}. */
    private String perfData(Map<String, Object> metrics) {
        StringBuilder perf = new StringBuilder();
        metrics.forEach((name, value) -> {
            perf.append(' ').append(name).append('=');
            if (name.equals("connect_time")) {
                perf.append(String.format(Locale.ROOT, "%.6f", (Double) value)).append("s;").append(seconds(connectWarn)).append(';').append(seconds(connectCritical));
            } else if (name.equals("rtt")) {
                perf.append(String.format(Locale.ROOT, "%.6f", (Double) value)).append("s;").append(seconds(rttWarn)).append(';').append(seconds(rttCritical));
            } else if (name.equals("storage") || name.equals("memory")) {
                perf.append(value).append('B');
            } else {
                perf.append(value);
            }
        });
        return perf.toString();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.6f", d.toNanos() / 1e9);
    }
}
