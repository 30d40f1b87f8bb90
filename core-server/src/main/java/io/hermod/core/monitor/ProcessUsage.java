package io.hermod.core.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The process's resource use, read from the operating system (Linux {@code /proc}) rather than the JVM, as
 * nats-server reports its own: resident memory, CPU time and open file descriptors. Values are 0 where the
 * platform does not tell. Thread-safe.
 */
final class ProcessUsage {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path FDS = Path.of("/proc/self/fd");

    private final ProcessHandle self = ProcessHandle.current();
    private long lastCpuNanos;
    private long lastWallNanos;

    ProcessUsage() {
        lastCpuNanos = cpuTime().toNanos();
        lastWallNanos = System.nanoTime();
    }

    /** Resident set size in bytes ({@code VmRSS}). */
    long residentBytes() {
        try {
            List<String> lines = Files.readAllLines(STATUS);
            for (String line : lines) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** User plus system CPU time the process used so far. */
    Duration cpuTime() {
        return self.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** CPU use in percent of one core since the previous call (since start for the first), two decimals. */
    synchronized double cpuPercent() {
        long cpu = cpuTime().toNanos();
        long wall = System.nanoTime();
        long wallDelta = wall - lastWallNanos;
        double percent = wallDelta <= 0 ? 0 : 100.0 * (cpu - lastCpuNanos) / wallDelta;
        lastCpuNanos = cpu;
        lastWallNanos = wall;
        return Math.round(Math.max(0, percent) * 100) / 100.0;
    }

    Instant startTime() {
        return self.info().startInstant().orElse(Instant.EPOCH);
    }

    int openFileDescriptors() {
        try (Stream<Path> fds = Files.list(FDS)) {
            return (int) fds.count();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
