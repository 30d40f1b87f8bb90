package io.hermod.cli;

import io.hermod.cli.bench.BenchCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
            assertEquals(0, bench("--js-pull", "-n", "3000", "--batch", "64", "-s",
                    "nats://127.0.0.1:" + server.port(), "--no-progress", "--csv", "--timeout", "30"));
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
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setErr(new PrintWriter(new StringWriter()));
        return commandLine.execute(args);
    }
}
