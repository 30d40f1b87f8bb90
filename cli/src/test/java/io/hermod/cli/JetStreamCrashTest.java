package io.hermod.cli;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code hermod server -js} as its own JVM, SIGKILLed at a random moment while jnats publishes asynchronously, then
 * restarted on the same store: every acknowledged message is there with its sequence and bytes, sequences are
 * dense, and new publishes are served. {@code -Dhermod.crash.rounds=N} sets the number of rounds (default 3).
 */
class JetStreamCrashTest {
    private static final String STREAM = "CRASH";
    private static final Duration READY_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedMessageSurvivesSigkill() throws Exception {
        int rounds = Integer.getInteger("hermod.crash.rounds", 3);
        long seed = Long.getLong("hermod.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path store = dir.resolve("store");
        Map<Long, byte[]> acked = new ConcurrentHashMap<>();
        long verifiedUpTo = 0;
        for (int round = 0; round < rounds; round++) {
            int port = freePort();
            Process server = start(store, port);
            try {
                awaitReady(server);
                try (Connection nc = connect(port)) {
                    JetStreamManagement jsm = nc.jetStreamManagement();
                    if (round == 0) {
                        jsm.addStream(StreamConfiguration.builder().name(STREAM).subjects("crash.>")
                                .storageType(StorageType.File).build());
                    }
                    verifiedUpTo = verify(jsm, acked, verifiedUpTo, "round " + round + " seed " + seed);
                    publishUntilKilled(nc.jetStream(), server, acked, round, 50 + random.nextInt(1500));
                }
            } finally {
                server.destroyForcibly();
                server.waitFor(30, TimeUnit.SECONDS);
            }
        }
        int port = freePort();
        Process server = start(store, port);
        try {
            awaitReady(server);
            try (Connection nc = connect(port)) {
                JetStreamManagement jsm = nc.jetStreamManagement();
                long last = verify(jsm, acked, verifiedUpTo, "final, seed " + seed);
                assertEquals(last + 1, nc.jetStream().publish("crash.after", new byte[] {1}).getSeqno(),
                        "a new publish follows the recovered sequence");
            }
        } finally {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Publishes asynchronously (at most 256 in flight) and SIGKILLs the server once {@code killAfter} more acks
     * arrived, while publishes are still in flight.
     */
    private static void publishUntilKilled(JetStream js, Process server, Map<Long, byte[]> acked, int round,
                                           int killAfter) throws Exception {
        AtomicInteger acks = new AtomicInteger();
        CompletableFuture<Void> reached = new CompletableFuture<>();
        Semaphore inFlight = new Semaphore(256);
        Thread publisher = new Thread(() -> {
            try {
                for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                    if (!inFlight.tryAcquire(10, TimeUnit.SECONDS)) {
                        return;
                    }
                    byte[] payload = ("round " + round + " message " + i).getBytes(StandardCharsets.UTF_8);
                    js.publishAsync("crash." + (i % 7), payload).whenComplete((ack, failure) -> {
                        inFlight.release();
                        if (failure == null) {
                            byte[] earlier = acked.putIfAbsent(ack.getSeqno(), payload);
                            if (earlier != null) {
                                reached.completeExceptionally(new AssertionError("sequence " + ack.getSeqno()
                                        + " acknowledged twice"));
                            }
                            if (acks.incrementAndGet() == killAfter) {
                                reached.complete(null);
                            }
                        }
                    });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the connection died with the server
            }
        }, "crash-publisher");
        publisher.start();
        try {
            reached.get(120, TimeUnit.SECONDS);
            server.destroyForcibly(); // SIGKILL
            server.waitFor(30, TimeUnit.SECONDS);
        } finally {
            publisher.interrupt();
            publisher.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /**
     * Checks that every acknowledged message is stored at its sequence with its bytes and that sequences
     * 1..last are dense; messages above {@code from} that were not acknowledged must still be ours.
     *
     * @return the last sequence
     */
    private static long verify(JetStreamManagement jsm, Map<Long, byte[]> acked, long from, String context)
            throws IOException, JetStreamApiException {
        StreamState state = jsm.getStreamInfo(STREAM).getStreamState();
        long last = state.getLastSequence();
        assertEquals(last, state.getMsgCount(), context + ": no gaps");
        assertTrue(last == 0 || state.getFirstSequence() == 1, context + ": first sequence");
        for (Map.Entry<Long, byte[]> e : acked.entrySet()) {
            assertTrue(e.getKey() <= last, context + ": acknowledged " + e.getKey() + " but last is " + last);
        }
        for (long seq = from + 1; seq <= last; seq++) {
            MessageInfo m = jsm.getMessage(STREAM, seq);
            byte[] expected = acked.get(seq);
            if (expected != null) {
                assertArrayEquals(expected, m.getData(), context + ": bytes of " + seq);
            } else {
                assertTrue(new String(m.getData(), StandardCharsets.UTF_8).startsWith("round "),
                        context + ": unacknowledged " + seq + " is one of ours");
                // An unacknowledged message that was stored counts from now on.
                assertNull(acked.putIfAbsent(seq, m.getData()));
            }
        }
        return last;
    }

    private static Connection connect(int port) throws IOException, InterruptedException {
        return Nats.connect(new Options.Builder().server("nats://127.0.0.1:" + port).maxReconnects(0)
                .connectionTimeout(Duration.ofSeconds(10)).errorListener(new ErrorListener() {
                }).build());
    }

    private static Process start(Path store, int port) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The module flags Chronicle Queue needs, as this JVM was given them.
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports") || arg.startsWith("-Dchronicle.")
                    || arg.startsWith("--enable-native-access") || arg.startsWith("--sun-misc")) {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.hermod.cli.HermodMain",
                "server", "-js", "-sd", store.toString(), "-a", "127.0.0.1", "-p", Integer.toString(port)));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the server's log until it is ready (JetStream starts before that line); keeps draining it after. */
    private static void awaitReady(Process server) throws Exception {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        StringBuilder seen = new StringBuilder();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(),
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
        }, "crash-server-log");
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
