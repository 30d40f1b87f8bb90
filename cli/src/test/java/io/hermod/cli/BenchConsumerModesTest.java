package io.hermod.cli;

import io.hermod.cli.bench.BenchCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code hermod bench --js-pull} against {@code hermod server -js} in its own JVM: it fills a stream, drains it with
 * a pull consumer and exits 0 only when every message arrived once and the server shows every ack applied.
 */
class BenchConsumerModesTest {
    @TempDir
    Path dir;

    @Test
    void pullConsumerBenchDrainsEveryMessageAndSeesEveryAckApplied() throws Exception {
        try (ServerProcess server = ServerProcess.start(dir.resolve("store"))) {
            StringWriter err = new StringWriter();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream stdout = System.out;
            int exit;
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8)); // the bench prints its figures there
            try {
                exit = bench(err, "--js-pull", "-n", "3000", "--batch", "64", "-s",
                        "nats://127.0.0.1:" + server.port(), "--no-progress", "--timeout", "30");
            } finally {
                System.setOut(stdout);
            }
            String report = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, exit, () -> "bench said:\n" + report + err);
            assertTrue(report.contains("3,000 received, every ack applied"), report);
        }
    }

    @Test
    void consumerOptionsOutsideTheirModesAreUsageErrors() {
        assertEquals(2, bench("--batch", "10"));
        assertEquals(2, bench("--js", "--max-ack-pending", "10"));
        assertEquals(2, bench("--js-push", "--async"));
        assertEquals(2, bench("--kv", "--inflight", "10"));
        assertEquals(2, bench("--js-pull", "--pub", "2"));
        assertEquals(2, bench("--keys", "5"));
    }

    private static int bench(String... args) {
        return bench(new StringWriter(), args);
    }

    private static int bench(StringWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
