package io.hermod.store.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hermod.store.StreamState;
import io.hermod.store.StreamStore;
import io.hermod.store.StreamStoreConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILLs a writer JVM at a random moment and checks that every acknowledged append survived, byte for byte,
 * with dense sequences. A few rounds by default; {@code -Dhermod.crash.rounds=N} for more.
 */
class FileStreamCrashTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedAppendSurvivesSigkill() throws Exception {
        int rounds = Integer.getInteger("hermod.crash.rounds", 3);
        Random random = new Random();
        long highestAcked = 0;
        for (int round = 0; round < rounds; round++) {
            int killAfterAcks = 1 + random.nextInt(3000);
            highestAcked = Math.max(highestAcked, runAndKill(killAfterAcks));
            try (StoreDirectory d = StoreDirectory.open(dir)) {
                StreamStore s = d.openStream(StreamStoreConfig.of("crash"));
                StreamState state = s.state();
                assertEquals(1, state.firstSeq());
                assertEquals(state.lastSeq(), state.messages(), "sequences must be dense: " + state);
                assertTrue(state.lastSeq() >= highestAcked, "lost acknowledged seqs: " + state + " < " + highestAcked);
                for (long seq = 1; seq <= state.lastSeq(); seq++) {
                    assertArrayEquals(CrashWriterMain.payload(seq - 1), s.load(seq).orElseThrow().payload(),
                            "seq " + seq);
                }
                highestAcked = state.lastSeq();
            }
        }
    }

    /** Runs the writer until it printed {@code acks} acknowledgements, SIGKILLs it; returns the highest acked. */
    private long runAndKill(int acks) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle")) {
                command.add(arg);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrashWriterMain.class.getName());
        command.add(dir.toString());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long highest = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
            int seen = 0;
            String line;
            while (seen < acks && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    highest = Math.max(highest, Long.parseLong(line.substring(4)));
                    seen++;
                }
            }
            process.toHandle().destroyForcibly(); // SIGKILL; unlike Process.destroyForcibly, keeps stdout open
            // Acknowledgements printed before the kill landed count too.
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    highest = Math.max(highest, Long.parseLong(line.substring(4)));
                }
            }
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertTrue(highest > 0, "the writer acknowledged nothing");
        return highest;
    }
}
