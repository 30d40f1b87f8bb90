package io.hermod.cli.bench;

import io.hermod.cli.bench.KeyValueBench.Phase;

import java.util.Locale;

/** Put and get rates of a key-value run, with the server's CPU per phase (NaN when not measured). */
record KeyValueReport(String title, long requested, Phase puts, Phase gets) implements BenchReport {

    /** Every put and every get is one message through the server. */
    @Override
    public long messagesRouted() {
        return puts.done() + gets.done();
    }

    @Override
    public boolean complete() {
        return puts.done() == requested && gets.done() == requested;
    }

    @Override
    public String text() {
        StringBuilder out = new StringBuilder(title).append("\n\n");
        for (Phase phase : new Phase[] {puts, gets}) {
            out.append(String.format(Locale.ROOT, "%s: %,.0f ops/sec (%,d of %,d in %.2f s, %,d failed)%n",
                    phase.name(), phase.opsPerSecond(), phase.done(), requested, phase.nanos() / 1e9,
                    phase.failed()));
            if (!Double.isNaN(phase.serverCpuSeconds())) {
                out.append(ServerCpuMeter.describe(phase.serverCpuSeconds(), phase.done()));
            }
            if (phase.firstFailure() != null) {
                out.append(" First failure: ").append(phase.firstFailure()).append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public Figures figures() {
        Figures figures = new Figures("kv");
        for (Phase phase : new Phase[] {puts, gets}) {
            String p = phase.name();
            figures.add(p + "_ops_per_sec", phase.opsPerSecond(), "ops/s")
                    .add(p + "_ops_done", phase.done(), "ops")
                    .add(p + "_ops_failed", phase.failed(), "ops")
                    .add(p + "_duration_s", phase.nanos() / 1e9, "s");
            if (!Double.isNaN(phase.serverCpuSeconds())) {
                figures.add(p + "_server_cpu_s", phase.serverCpuSeconds(), "s");
                if (phase.done() > 0) {
                    figures.add(p + "_server_cpu_s_per_million_ops", phase.serverCpuSeconds() / (phase.done() / 1e6),
                            "s");
                }
            }
        }
        double cpu = puts.serverCpuSeconds() + gets.serverCpuSeconds();
        if (!Double.isNaN(cpu)) {
            ServerCpuMeter.addFigures(figures, cpu, messagesRouted());
        }
        return figures.add("problems", (puts.failed() > 0 ? 1 : 0) + (gets.failed() > 0 ? 1 : 0), "count");
    }
}
