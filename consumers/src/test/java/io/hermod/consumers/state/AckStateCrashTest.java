package io.hermod.consumers.state;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hermod.consumers.ack.StoredAckState;
import io.hermod.consumers.ack.TrackedMessage;
import io.hermod.store.kv.RocksKeyValueStorage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILLs {@link AckStateCrashMain} at a random moment and checks the consumer state it left: no acknowledged
 * sequence is pending, and every delivered, unacknowledged one is pending with at least the delivery count printed
 * (one whose acknowledgement was being written when the kill came may be either).
 * A few rounds on the same store by default; {@code -Dhermod.crash.rounds=N} for more.
 */
class AckStateCrashTest {
    @TempDir
    Path dir;

    private final Set<Long> acked = new HashSet<>();
    /** Acknowledgements being written, not yet confirmed. */
    private final Set<Long> acking = new HashSet<>();
    private final Map<Long, Integer> deliveries = new HashMap<>();

    @Test
    void acknowledgedStaysAcknowledgedAndDeliveredStaysPending() throws Exception {
        int rounds = Integer.getInteger("hermod.crash.rounds", 3);
        Random random = new Random();
        for (int round = 0; round < rounds; round++) {
            runAndKill(1 + random.nextInt(3000));
            try (RocksKeyValueStorage kv = RocksKeyValueStorage.open(dir)) {
                StoredAckState state = new RocksConsumerStateStore(kv).loadState(AckStateCrashMain.ID).orElseThrow();
                check(state);
            }
        }
    }

    private void check(StoredAckState state) {
        Map<Long, TrackedMessage> tracked = state.tracked().stream()
                .collect(Collectors.toMap(TrackedMessage::streamSeq, Function.identity()));
        for (long seq : acked) {
            TrackedMessage m = tracked.get(seq);
            assertFalse(m != null && m.pending(), "acknowledged seq " + seq + " is pending again");
        }
        for (long seq : acking) {
            TrackedMessage m = tracked.get(seq);
            if (m == null || !m.pending()) {
                acked.add(seq); // the write made it
            }
        }
        acking.clear();
        deliveries.forEach((seq, count) -> {
            if (!acked.contains(seq)) {
                TrackedMessage m = tracked.get(seq);
                assertNotNull(m, "delivered seq " + seq + " is lost");
                assertTrue(m.pending(), "delivered seq " + seq + " is not pending");
                assertTrue(m.deliveries() >= count, "seq " + seq + " has " + m.deliveries() + " < " + count);
            }
        });
        assertTrue(state.delivered().streamSeq() >= deliveries.keySet().stream().mapToLong(Long::longValue).max()
                .orElse(0));
    }

    /** Runs the child until it printed {@code lines} records, SIGKILLs it and reads what it printed until then. */
    private void runAndKill(int lines) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle")) {
                command.add(arg);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(AckStateCrashMain.class.getName());
        command.add(dir.toString());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int seen = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while (seen < lines && (line = out.readLine()) != null) {
                seen += record(line);
            }
            process.toHandle().destroyForcibly(); // SIGKILL; unlike Process.destroyForcibly, keeps stdout open
            while ((line = out.readLine()) != null) {
                record(line);
            }
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertTrue(seen > 0, "the child printed nothing");
    }

    private int record(String line) {
        String[] parts = line.split(" ");
        switch (parts[0]) {
            case "D" -> deliveries.merge(Long.parseLong(parts[1]), Integer.parseInt(parts[2]), Math::max);
            case "T" -> acking.add(Long.parseLong(parts[1]));
            case "A" -> {
                acking.remove(Long.parseLong(parts[1]));
                acked.add(Long.parseLong(parts[1]));
            }
            default -> {
                return 0;
            }
        }
        return 1;
    }
}
