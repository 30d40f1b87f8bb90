package io.hermod.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's CPU time and resident memory from Linux {@code /proc}, to measure the server under test. */
final class ProcFiles {
    /** USER_HZ: the unit of utime and stime; {@code getconf CLK_TCK} is 100 on every mainstream Linux build. */
    static final double CLOCK_TICKS_PER_SECOND = 100.0;

    private final long pid;

    ProcFiles(long pid) {
        this.pid = pid;
    }

    /** User plus system CPU seconds the process has used so far. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
        return cpuTicks(stat) / CLOCK_TICKS_PER_SECOND;
    }

    /** When the process started, in seconds since boot (the clock of {@link #uptimeSeconds()}), to 1/100 s. */
    double startSecondsSinceBoot() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
        return startTicks(stat) / CLOCK_TICKS_PER_SECOND;
    }

    /** Seconds since boot now, from {@code /proc/uptime}, to 1/100 s. */
    static double uptimeSeconds() throws IOException {
        return uptimeSeconds(Files.readString(Path.of("/proc/uptime"), StandardCharsets.US_ASCII));
    }

    boolean alive() {
        return Files.isDirectory(Path.of("/proc", Long.toString(pid)));
    }

    /** Resident set size in KiB. */
    long rssKiB() throws IOException {
        String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.US_ASCII);
        return rssKiB(status);
    }

    /**
     * utime + stime (fields 14 and 15) from a {@code /proc/PID/stat} line. The command name in field 2 may hold
     * spaces and parentheses, so fields are counted from the last ')'.
     */
    static long cpuTicks(String statLine) {
        // fields[0] is field 3 (state), so field n is fields[n - 3].
        String[] fields = fieldsAfterCommand(statLine, 13);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** starttime (field 22): clock ticks after boot at which the process started. */
    static long startTicks(String statLine) {
        String[] fields = fieldsAfterCommand(statLine, 20);
        return Long.parseLong(fields[19]);
    }

    /** The first number of {@code /proc/uptime}: seconds since boot. */
    static double uptimeSeconds(String uptime) {
        String[] parts = uptime.trim().split("\\s+");
        if (parts.length < 1 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("not a /proc/uptime line: " + uptime);
        }
        return Double.parseDouble(parts[0]);
    }

    /** Fields 3 onwards of a stat line (fields[0] is field 3), at least {@code needed} of them. */
    private static String[] fieldsAfterCommand(String statLine, int needed) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/PID/stat line: " + statLine);
        }
        String[] fields = statLine.substring(close + 1).trim().split("\\s+");
        if (fields.length < needed) {
            throw new IllegalArgumentException("too few fields in /proc/PID/stat: " + statLine);
        }
        return fields;
    }

    /** The {@code VmRSS:} value (in kB, which the kernel means as KiB) from {@code /proc/PID/status}. */
    static long rssKiB(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                return Long.parseLong(parts[0]);
            }
        }
        throw new IllegalArgumentException("no VmRSS line in /proc/PID/status");
    }
}
