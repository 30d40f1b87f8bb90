package io.hermod.cli;

import io.hermod.core.server.MsgFrames;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `hermod server` as its own JVM process: startup, config file, and SIGTERM shutdown. */
class ServerProcessTest {

    @Test
    void sigtermDrainsEveryAcceptedMessageThenExits() throws Exception {
        int port = freePort();
        Process server = start("server", "-a", "127.0.0.1", "-p", Integer.toString(port));
        try {
            awaitReady(server);
            int messages = 20_000;
            try (Socket sub = new Socket("127.0.0.1", port);
                 Connection pub = Nats.connect(new Options.Builder().server("nats://127.0.0.1:" + port)
                         .connectionTimeout(Duration.ofSeconds(15)).maxReconnects(0).build())) {
                InputStream in = sub.getInputStream();
                sub.getOutputStream().write("CONNECT {\"verbose\":false}\r\nSUB drain 1\r\nPING\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                awaitLine(in, "PONG");
                CompletableFuture<Integer> counted = CompletableFuture.supplyAsync(() -> MsgFrames.countUntilClosed(in));
                for (int i = 0; i < messages; i++) {
                    pub.publish("drain", new byte[64]);
                }
                pub.flush(Duration.ofSeconds(10));
                server.destroy(); // SIGTERM
                assertEquals(messages, counted.get(60, TimeUnit.SECONDS));
            }
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "server exits after SIGTERM");
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void configFileSetsOptionsAndFlagsOverrideIt() throws Exception {
        int filePort = freePort();
        int flagPort = freePort();
        Path conf = Files.createTempFile("hermod", ".conf");
        Files.writeString(conf, "listen: 127.0.0.1:" + filePort + "\nserver_name: from-file\nmax_payload: 2KB\n");
        Process server = start("server", "-c", conf.toString(), "-p", Integer.toString(flagPort));
        try {
            awaitReady(server);
            try (Connection nc = Nats.connect(new Options.Builder().server("nats://127.0.0.1:" + flagPort)
                    .connectionTimeout(Duration.ofSeconds(15)).maxReconnects(0).build())) {
                assertEquals("from-file", nc.getServerInfo().getServerName());
                assertEquals(2048, nc.getServerInfo().getMaxPayload());
            }
        } finally {
            server.destroyForcibly();
            Files.deleteIfExists(conf);
        }
    }

    @Test
    void configSyntaxErrorNamesFileLineAndColumnAndExitsNonZero() throws Exception {
        String err = refusedConfig("port: 4222\nmax_payload: [1, \n");
        assertTrue(err.matches("(?s).*\\.conf:\\d+:\\d+.*"), err);
    }

    @Test
    void unsupportedConfigKeyIsAnErrorNotSilentlyIgnored() throws Exception {
        assertTrue(refusedConfig("cluster { port: 6222 }\n").contains("cluster"));
    }

    /** Starts the server on a config it must refuse; returns what it printed, after checking it exited non-zero. */
    private static String refusedConfig(String content) throws Exception {
        Path conf = Files.createTempFile("refused", ".conf");
        Files.writeString(conf, content);
        Process server = start("server", "-c", conf.toString());
        try {
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "server exits");
            String output = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(server.exitValue() != 0, output);
            return output;
        } finally {
            server.destroyForcibly();
            Files.deleteIfExists(conf);
        }
    }

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.hermod.cli.HermodMain"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the server's log until it says it is ready; the rest of the log keeps draining in the background. */
    private static void awaitReady(Process server) throws Exception {
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        pump.setDaemon(true);
        pump.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.append(line).append('\n');
                if (line.contains("Server is ready")) {
                    return;
                }
            }
            if (!server.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("server did not become ready:\n" + seen);
    }

    private static void awaitLine(InputStream in, String expected) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                if (line.toString().trim().equals(expected)) {
                    return;
                }
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }
        throw new AssertionError("connection closed before " + expected);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
