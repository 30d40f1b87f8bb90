package io.hermod.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code hermod server -js} as its own JVM on a free 127.0.0.1 port, for crash tests: started with this JVM's class
 * path and module flags, ready once its log says so, ended with SIGKILL.
 */
final class ServerProcess implements AutoCloseable {
    private static final Duration READY_LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServerProcess start(Path store) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports") || arg.startsWith("-Dchronicle.")
                    || arg.startsWith("--enable-native-access") || arg.startsWith("--sun-misc")) {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.hermod.cli.HermodMain",
                "server", "-js", "-sd", store.toString(), "-a", "127.0.0.1", "-p", Integer.toString(port)));
        ServerProcess server = new ServerProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), port);
        try {
            server.awaitReady();
        } catch (Exception e) {
            server.close();
            throw e;
        }
        return server;
    }

    int port() {
        return port;
    }

    /** SIGKILL, and waits for the process to end. */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private void awaitReady() throws Exception {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        StringBuilder seen = new StringBuilder();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!ready.isDone()) {
                        seen.append(line).append('\n');
                    }
                    if (line.contains("Server is ready")) {
                        ready.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            ready.completeExceptionally(new AssertionError("server exited before it was ready:\n" + seen));
        }, "server-process-log");
        pump.setDaemon(true);
        pump.start();
        ready.get(READY_LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
