package io.hermod.store.api;

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
 * The reference {@code nats-server -js} (2.9.10) as a child process on a free 127.0.0.1 port with a temporary store
 * directory. Ready when its log says {@code Server is ready}.
 */
public final class NatsJetStreamServer implements AutoCloseable {
    static final String BINARY_PROPERTY = "nats.server.binary";
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(15);

    private final Process process;
    private final Path workDir;
    private final int port;
    private final int httpPort;

    private NatsJetStreamServer(Process process, Path workDir, int port, int httpPort) {
        this.process = process;
        this.workDir = workDir;
        this.port = port;
        this.httpPort = httpPort;
    }

    static Path binary() {
        return Path.of(System.getProperty(BINARY_PROPERTY, "/usr/sbin/nats-server"));
    }

    /** Skips the test when nats-server is missing, except under CI (env {@code CI} set), where that fails. */
    public static void assumeInstalled() {
        Path binary = binary();
        boolean installed = Files.isExecutable(binary);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install nats-server 2.9.10 (" + binary + " is missing)");
        }
        Assumptions.assumeTrue(installed, "nats-server not found at " + binary + " (install nats-server 2.9.10 or set -D"
                + BINARY_PROPERTY + "); the differential test against it is skipped");
    }

    public static NatsJetStreamServer start() throws IOException, InterruptedException {
        assumeInstalled();
        Path workDir = Files.createTempDirectory("nats-js-differential");
        int port = freePort();
        int httpPort = freePort();
        Path log = workDir.resolve("nats-server.log");
        Process process = new ProcessBuilder(binary().toString(), "-js", "-sd", workDir.resolve("store").toString(),
                "-a", "127.0.0.1", "-p", Integer.toString(port), "-m", Integer.toString(httpPort))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        NatsJetStreamServer server = new NatsJetStreamServer(process, workDir, port, httpPort);
        try {
            server.awaitReady(log);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** Its monitoring port (127.0.0.1). */
    public int httpPort() {
        return httpPort;
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (text.contains("Server is ready")) {
                return;
            }
            if (process.waitFor(20, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("nats-server exited with " + process.exitValue() + ":\n" + text);
            }
        }
        throw new IllegalStateException("nats-server not ready within " + STARTUP_LIMIT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> paths = Files.walk(workDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
