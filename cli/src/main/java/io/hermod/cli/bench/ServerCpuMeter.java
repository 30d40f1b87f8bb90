package io.hermod.cli.bench;

import java.io.IOException;
import java.util.Locale;

/** The server's CPU time over a run, from {@code /proc/PID/stat} read before and after. */
final class ServerCpuMeter {
    private final ProcFiles server;
    private final double startSeconds;

    private ServerCpuMeter(ProcFiles server, double startSeconds) {
        this.server = server;
        this.startSeconds = startSeconds;
    }

    static ServerCpuMeter start(ProcFiles server) throws IOException {
        return new ServerCpuMeter(server, server.cpuSeconds());
    }

    /** CPU seconds used since {@link #start}. */
    double elapsedCpuSeconds() throws IOException {
        return server.cpuSeconds() - startSeconds;
    }

    /** Adds the CPU figures; per million only when the run routed messages. */
    static void addFigures(Figures figures, double cpuSeconds, long messagesRouted) {
        figures.add("server_cpu_s", cpuSeconds, "s");
        if (messagesRouted > 0) {
            figures.add("server_cpu_s_per_million_msgs", perMillion(cpuSeconds, messagesRouted), "s");
        }
    }

    static String describe(double cpuSeconds, long messagesRouted) {
        String line = String.format(Locale.ROOT, " Server CPU: %.2f s", cpuSeconds);
        if (messagesRouted > 0) {
            line += String.format(Locale.ROOT, " (%.3f s per million messages routed, %,d routed)",
                    perMillion(cpuSeconds, messagesRouted), messagesRouted);
        }
        return line + "\n";
    }

    private static double perMillion(double cpuSeconds, long messagesRouted) {
        return cpuSeconds / (messagesRouted / 1e6);
    }
}
