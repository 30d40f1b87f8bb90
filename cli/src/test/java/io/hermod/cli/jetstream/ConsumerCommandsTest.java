package io.hermod.cli.jetstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermod.cli.client.CliServer;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.HermodRun.Result;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.api.ConsumerConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hermod consumer ...} in-process against a real Hermod server with JetStream and consumers. */
class ConsumerCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final CliServer cli = CliServer.withJetStream();

    /** Files the tests write, such as configurations to read back. */
    @TempDir
    static Path dir;

    private static List<JsonNode> jsonLines(String... args) {
        return cli.ok(args).out().lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private static void stream(String name, String subjects, int messages) throws Exception {
        cli.ok("stream", "add", name, "--subjects", subjects);
        try (Connection nc = cli.connect()) {
            JetStream js = nc.jetStream();
            String subject = subjects.replace(">", "x");
            for (int i = 1; i <= messages; i++) {
                js.publish(subject, ("m" + i).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void addFromTheDataExampleCreatesTheDurableItDescribes() throws Exception {
        cli.ok("stream", "add", "--config", DataFile.path("stream-orders.json").toString());
        Result add = cli.ok("consumer", "add", "ORDERS", "--config",
                DataFile.path("consumer-orders-processor.json").toString());
        assertTrue(add.out().startsWith("Consumer ORDERS > processor created\n"), add::toString);
        assertTrue(add.out().contains("Ack policy: explicit"), add::toString);
        assertTrue(add.out().contains("Ack wait: 30s"), add::toString);
        assertTrue(add.out().contains("Maximum deliveries: 5"), add::toString);

        JsonNode c = cli.json("consumer", "info", "ORDERS", "processor", "--json");
        assertEquals("ORDERS", c.get("stream_name").asText());
        assertEquals("processor", c.at("/config/durable_name").asText());
        assertEquals("orders.>", c.at("/config/filter_subject").asText());
        assertEquals(30_000_000_000L, c.at("/config/ack_wait").asLong());
        assertEquals(1000, c.at("/config/max_ack_pending").asLong());
    }

    @Test
    void addFromFlagsSetsEachFieldInNatsFormat() throws Exception {
        stream("FLAGS", "flags.>", 0);
        cli.ok("consumer", "add", "FLAGS", "worker", "--filter", "flags.x", "--description", "from flags",
                "--deliver", "last", "--ack", "all", "--wait", "45s", "--max-deliver", "4", "--max-pending", "50",
                "--max-waiting", "16", "--replay", "instant");
        JsonNode c = cli.json("consumer", "info", "FLAGS", "worker", "--json").get("config");
        assertEquals("worker", c.get("durable_name").asText());
        assertEquals("flags.x", c.get("filter_subject").asText());
        assertEquals("from flags", c.get("description").asText());
        assertEquals("last", c.get("deliver_policy").asText());
        assertEquals("all", c.get("ack_policy").asText());
        assertEquals(45_000_000_000L, c.get("ack_wait").asLong());
        assertEquals(4, c.get("max_deliver").asLong());
        assertEquals(50, c.get("max_ack_pending").asLong());
        assertEquals(16, c.get("max_waiting").asLong());

        cli.ok("consumer", "add", "FLAGS", "fromseq", "--deliver", "7", "--backoff", "1s,5s,10s", "--max-deliver", "4");
        JsonNode bySeq = cli.json("consumer", "info", "FLAGS", "fromseq", "--json").get("config");
        assertEquals("by_start_sequence", bySeq.get("deliver_policy").asText());
        assertEquals(7, bySeq.get("opt_start_seq").asLong());
        assertEquals(3, bySeq.get("backoff").size());
        assertEquals(5_000_000_000L, bySeq.get("backoff").get(1).asLong());
    }

    @Test
    void badValuesAreUsageErrorsAndServerRefusalsCarryNatsWords() throws Exception {
        stream("BADC", "badc.>", 0);
        Result ack = cli.run("consumer", "add", "BADC", "x", "--ack", "sometimes");
        assertEquals(ExitCodes.USAGE, ack.exitCode(), ack::toString);
        Result deliver = cli.run("consumer", "add", "BADC", "x", "--deliver", "tomorrow");
        assertEquals(ExitCodes.USAGE, deliver.exitCode(), deliver::toString);
        Result noName = cli.run("consumer", "add", "BADC");
        assertEquals(ExitCodes.USAGE, noName.exitCode(), noName::toString);
        Result noStream = cli.run("consumer", "add", "NOSUCH", "x");
        assertEquals(ExitCodes.NOT_FOUND, noStream.exitCode(), noStream::toString);
        assertEquals("hermod: stream not found (err_code 10059)\n", noStream.err());
        Result badFilter = cli.run("consumer", "add", "BADC", "y", "--filter", "elsewhere");
        assertEquals(ExitCodes.FAILURE, badFilter.exitCode(), badFilter::toString);
        assertTrue(badFilter.err().contains("consumer filter subject is not a valid subset of the interest subjects"),
                badFilter::toString);
    }

    @Test
    void infoOfAMissingConsumerExitsNotFound() throws Exception {
        stream("NOCONS", "nocons", 0);
        Result r = cli.run("consumer", "info", "NOCONS", "ghost");
        assertEquals(ExitCodes.NOT_FOUND, r.exitCode(), r::toString);
        assertEquals("hermod: consumer not found (err_code 10014)\n", r.err());
    }

    @Test
    void editShowsDifferencesDryRunLeavesItAndThenApplies() throws Exception {
        stream("EDITC", "editc", 0);
        cli.ok("consumer", "add", "EDITC", "c", "--max-deliver", "5", "--description", "before");
        Result dry = cli.ok("consumer", "edit", "EDITC", "c", "--max-deliver", "10", "--dry-run");
        assertEquals("""
                Differences (-current +new) for consumer EDITC > c:
                -   "max_deliver": 5
                +   "max_deliver": 10
                Dry run: consumer EDITC > c not changed
                """, dry.out());
        assertEquals(5, cli.json("consumer", "info", "EDITC", "c", "--json").at("/config/max_deliver").asLong());
        Result applied = cli.ok("consumer", "edit", "EDITC", "c", "--max-deliver", "10", "--description", "after");
        assertTrue(applied.out().endsWith("Consumer EDITC > c updated\n"), applied::toString);
        JsonNode c = cli.json("consumer", "info", "EDITC", "c", "--json").get("config");
        assertEquals(10, c.get("max_deliver").asLong());
        assertEquals("after", c.get("description").asText());
        assertEquals("Consumer EDITC > c: nothing to change\n",
                cli.ok("consumer", "edit", "EDITC", "c", "--max-deliver", "10").out());
    }

    @Test
    void editFromAFileForAnotherConsumerIsRefused() throws Exception {
        stream("EDITF", "editf", 0);
        cli.ok("consumer", "add", "EDITF", "mine");
        Result r = cli.run("consumer", "edit", "EDITF", "mine", "--config",
                DataFile.path("consumer-orders-processor.json").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("configures consumer processor, not mine"), r::toString);
    }

    @Test
    void nextAcknowledgesWhatItPrintsAndNoAckLeavesItPending() throws Exception {
        stream("NEXT", "next.>", 4);
        cli.ok("consumer", "add", "NEXT", "c", "--ack", "explicit", "--wait", "1h");
        Result two = cli.ok("consumer", "next", "NEXT", "c", "--count", "2");
        assertTrue(two.out().contains("subject: next.x / delivered: 1 / consumer seq: 1 / stream seq: 1 / pending: 3"),
                two::toString);
        assertTrue(two.out().contains("\nm1\n\nAcknowledged message 1\n"), two::toString);
        assertTrue(two.out().contains("\nm2\n\nAcknowledged message 2\n"), two::toString);
        JsonNode afterAck = cli.json("consumer", "info", "NEXT", "c", "--json");
        assertEquals(2, afterAck.at("/ack_floor/stream_seq").asLong());
        assertEquals(0, afterAck.get("num_ack_pending").asLong());

        Result noAck = cli.ok("consumer", "next", "NEXT", "c", "--no-ack");
        assertTrue(noAck.out().contains("stream seq: 3"), noAck::toString);
        assertTrue(noAck.out().contains("Not acknowledged: redelivered after the ack wait"), noAck::toString);
        JsonNode afterNoAck = cli.json("consumer", "info", "NEXT", "c", "--json");
        assertEquals(1, afterNoAck.get("num_ack_pending").asLong());
        assertEquals(2, afterNoAck.at("/ack_floor/stream_seq").asLong());

        List<JsonNode> last = jsonLines("consumer", "next", "NEXT", "c", "--json");
        assertEquals(1, last.size());
        assertEquals(4, last.get(0).get("seq").asLong());
        assertEquals("next.x", last.get(0).get("subject").asText());
        assertEquals("c", last.get(0).at("/delivery/consumer").asText());
        assertEquals(1, last.get(0).at("/delivery/delivered").asLong());
        assertTrue(last.get(0).get("acked").asBoolean());
    }

    @Test
    void nextWithNothingToDeliverFailsAfterTheWait() throws Exception {
        stream("EMPTYN", "emptyn", 0);
        cli.ok("consumer", "add", "EMPTYN", "c");
        Result r = cli.run("consumer", "next", "EMPTYN", "c", "--wait", "300ms");
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r::toString);
        assertEquals("hermod: no message received from consumer EMPTYN > c within 300ms\n", r.err());
        Result missing = cli.run("consumer", "next", "EMPTYN", "ghost");
        assertEquals(ExitCodes.NOT_FOUND, missing.exitCode(), missing::toString);
    }

    @Test
    void lsAndReportShowPendingWork() throws Exception {
        stream("LSC", "lsc", 3);
        cli.ok("consumer", "add", "LSC", "alpha");
        cli.ok("consumer", "add", "LSC", "beta", "--description", "second");
        cli.ok("consumer", "next", "LSC", "beta", "--no-ack");

        assertEquals("alpha\nbeta\n", cli.ok("consumer", "ls", "LSC", "--names").out());
        assertEquals(JSON.readTree("[\"alpha\",\"beta\"]"), cli.json("consumer", "ls", "LSC", "--names", "--json"));
        Result table = cli.ok("consumer", "ls", "LSC");
        assertTrue(table.out().startsWith("Consumers of stream LSC\n\nName "), table::toString);
        String beta = table.out().lines().filter(l -> l.startsWith("beta ")).findFirst().orElseThrow();
        assertTrue(beta.matches("beta\\s+second\\s+\\S+\\s+1\\s+2\\s+(just now|\\d+s ago)"), beta);
        JsonNode all = cli.json("consumer", "ls", "LSC", "--json");
        assertEquals(2, all.size());
        assertEquals("alpha", all.get(0).get("name").asText());

        Result report = cli.ok("consumer", "report", "LSC");
        assertTrue(report.out().startsWith("Consumer report for stream LSC\n"), report::toString);
        String alpha = report.out().lines().filter(l -> l.startsWith("alpha ")).findFirst().orElseThrow();
        assertTrue(alpha.matches("alpha\\s+pull\\s+explicit\\s+0\\s+0\\s+3\\s+0\\s+never"), alpha);
        JsonNode rows = cli.json("consumer", "report", "LSC", "--json");
        assertEquals("beta", rows.get(1).get("consumer").asText());
        assertEquals(1, rows.get(1).get("ack_pending").asLong());
        assertEquals(2, rows.get(1).get("unprocessed").asLong());

        addEmpty();
    }

    private static void addEmpty() throws Exception {
        stream("NOCONSUMERS", "noconsumers", 0);
        assertEquals("No consumers defined on stream NOCONSUMERS\n", cli.ok("consumer", "ls", "NOCONSUMERS").out());
    }

    @Test
    void rmNeedsForceWithoutATerminalAndThenDeletes() throws Exception {
        stream("RMC", "rmc", 0);
        cli.ok("consumer", "add", "RMC", "gone");
        assertEquals(ExitCodes.USAGE, cli.run("consumer", "rm", "RMC", "gone").exitCode());
        assertEquals("Deleted consumer RMC > gone\n", cli.ok("consumer", "rm", "RMC", "gone", "-f").out());
        assertEquals(ExitCodes.NOT_FOUND, cli.run("consumer", "info", "RMC", "gone").exitCode());
    }

    @Test
    void theConsumerConfigInTheDataFolderIsValidNatsJsonWithOnlyKnownFields() {
        java.io.StringWriter warnings = new java.io.StringWriter();
        ConsumerConfiguration c = ConfigFile.consumer(DataFile.path("consumer-orders-processor.json"),
                new java.io.PrintWriter(warnings));
        assertEquals("", warnings.toString());
        assertEquals("processor", c.getDurable());
        assertEquals("orders.>", c.getFilterSubject());
        assertFalse(c.getBackoff() != null && !c.getBackoff().isEmpty());
    }

    @Test
    void aConsumerFileThatIsNotAnObjectIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("list.json"), "[1,2]");
        Result r = cli.run("consumer", "add", "ORDERS", "--config", file.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("does not hold a JSON object"), r::toString);
    }
}
