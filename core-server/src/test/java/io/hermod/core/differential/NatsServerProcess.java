package io.hermod.core.differential;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The reference {@code nats-server} binary run as a child process on a free 127.0.0.1 port, configured through a
 * temporary config file. Readiness is the log line {@code Server is ready} (not a probe connection, which would count
 * against {@code max_connections}).
 */
public final class NatsServerProcess implements ProtocolTarget {
    /** Override with {@code -Dnats.server.binary=/path/to/nats-server}. */
    public static final String BINARY_PROPERTY = "nats.server.binary";
    public static final String DEFAULT_BINARY = "/usr/sbin/nats-server";

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(15);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(5);
    private static final String READY_LINE = "Server is ready";

    private final Process process;
    private final int port;
    private final int httpPort;
    private final Path workDir;

    private NatsServerProcess(Process process, int port, int httpPort, Path workDir) {
        this.process = process;
        this.port = port;
        this.httpPort = httpPort;
        this.workDir = workDir;
    }

    public static Path binary() {
        return Path.of(System.getProperty(BINARY_PROPERTY, DEFAULT_BINARY));
    }

    /**
     * Skips the calling test (JUnit assumption) when the nats-server binary is not installed; under CI, whose
     * script installs it, a missing binary is a failure instead, so the comparison can never be skipped there.
     */
    public static void assumeInstalled() {
        Path binary = binary();
        if (System.getenv("CI") != null && !Files.isExecutable(binary)) {
            throw new IllegalStateException("CI must install nats-server (" + binary + " is missing)");
        }
        Assumptions.assumeTrue(Files.isExecutable(binary),
                "nats-server not found at " + binary + " (install nats-server 2.9.10 or set -D" + BINARY_PROPERTY
                        + "); differential tests against it are skipped");
    }

    public static NatsServerProcess start(ServerSettings settings) throws IOException, InterruptedException {
        return start(settings, false);
    }

    /** Also serves the HTTP monitoring endpoints on a free 127.0.0.1 port ({@link #httpPort()}). */
    public static NatsServerProcess startWithMonitoring(ServerSettings settings)
            throws IOException, InterruptedException {
        return start(settings, true);
    }

    private static NatsServerProcess start(ServerSettings settings, boolean monitoring)
            throws IOException, InterruptedException {
        assumeInstalled();
        Path workDir = Files.createTempDirectory("nats-server-differential");
        int port = freePort();
        int httpPort = monitoring ? freePort() : 0;
        Path config = workDir.resolve("nats-server.conf");
        String monitorLine = monitoring ? "http: \"127.0.0.1:" + httpPort + "\"\n" : "";
        Files.writeString(config, "listen: \"127.0.0.1:" + port + "\"\n" + monitorLine + settings.natsConfig(),
                StandardCharsets.UTF_8);
        Path log = workDir.resolve("nats-server.log");
        Process process = new ProcessBuilder(binary().toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        NatsServerProcess server = new NatsServerProcess(process, port, httpPort, workDir);
        try {
            server.awaitReady(log);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (text.contains(READY_LINE)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("nats-server exited with " + process.exitValue() + ":\n" + text);
            }
            process.waitFor(20, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("nats-server not ready within " + STARTUP_LIMIT + ":\n"
                + Files.readString(log, StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    @Override
    public int port() {
        return port;
    }

    /** The monitoring port; 0 unless started with {@link #startWithMonitoring}. */
    public int httpPort() {
        return httpPort;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteRecursively(workDir);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "nats-server@127.0.0.1:" + port;
    }
}
