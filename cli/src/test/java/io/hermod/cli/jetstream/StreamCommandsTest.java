package io.hermod.cli.jetstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermod.cli.client.CliServer;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.HermodRun.Result;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hermod stream ...} in-process against a real Hermod server with JetStream. */
class StreamCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final CliServer cli = CliServer.withJetStream();

    /** Files the tests write, such as configurations to read back. */
    @TempDir
    static Path dir;

    /** Publishes {@code count} messages {"id":N} with a Nats-Msg-Id header. */
    private static void publish(String subject, int from, int count) throws Exception {
        try (Connection nc = cli.connect()) {
            JetStream js = nc.jetStream();
            for (int i = from; i < from + count; i++) {
                js.publish(subject, new Headers().add("Nats-Msg-Id", subject + "-" + i),
                        ("{\"id\":" + i + "}").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void addStream(String name, String... subjects) {
        cli.ok("stream", "add", name, "--subjects", String.join(",", subjects));
    }

    @Test
    void addFromTheDataExampleCreatesTheStreamItDescribes() throws Exception {
        Result add = cli.ok("stream", "add", "--config", DataFile.path("stream-orders.json").toString());
        assertTrue(add.out().startsWith("Stream ORDERS created"), add::toString);
        assertTrue(add.out().contains("Subjects: orders.>"), add::toString);
        assertTrue(add.out().contains("Maximum age: 7d"), add::toString);
        assertTrue(add.out().contains("Maximum bytes: 1.0 GiB"), add::toString);

        JsonNode config = cli.json("stream", "info", "ORDERS", "--json").get("config");
        assertEquals("Orders as they are placed, kept for a week", config.get("description").asText());
        assertEquals(604_800_000_000_000L, config.get("max_age").asLong());
        assertEquals(1L << 30, config.get("max_bytes").asLong());
        assertEquals(65_536, config.get("max_msg_size").asInt());
        assertEquals(120_000_000_000L, config.get("duplicate_window").asLong());
        assertTrue(config.get("allow_direct").asBoolean());
    }

    @Test
    void addFromFlagsSetsEachFieldInNatsFormat() throws Exception {
        cli.ok("stream", "add", "FLAGS", "--subjects", "flags.a,flags.b", "--description", "from flags",
                "--retention", "limits", "--storage", "memory", "--max-msgs", "100", "--max-bytes", "1MB",
                "--max-age", "1h30m", "--max-msg-size", "4KiB", "--max-msgs-per-subject", "7", "--discard", "new",
                "--dupe-window", "30s", "--replicas", "1", "--deny-delete", "--allow-rollup", "--allow-direct");
        JsonNode c = cli.json("stream", "info", "FLAGS", "--json").get("config");
        assertEquals(List.of("flags.a", "flags.b"), List.of(c.get("subjects").get(0).asText(),
                c.get("subjects").get(1).asText()));
        assertEquals("from flags", c.get("description").asText());
        assertEquals("memory", c.get("storage").asText());
        assertEquals(100, c.get("max_msgs").asLong());
        assertEquals(1 << 20, c.get("max_bytes").asLong());
        assertEquals(5_400_000_000_000L, c.get("max_age").asLong());
        assertEquals(4096, c.get("max_msg_size").asLong());
        assertEquals(7, c.get("max_msgs_per_subject").asLong());
        assertEquals("new", c.get("discard").asText());
        assertEquals(30_000_000_000L, c.get("duplicate_window").asLong());
        assertTrue(c.get("deny_delete").asBoolean());
        assertTrue(c.get("allow_rollup_hdrs").asBoolean());
        assertTrue(c.get("allow_direct").asBoolean());

        cli.ok("stream", "add", "FLAGS2", "--subjects", "flags2", "--deny-purge", "--no-allow-direct",
                "--retention", "work", "--max-consumers", "3");
        JsonNode c2 = cli.json("stream", "info", "FLAGS2", "--json").get("config");
        assertTrue(c2.get("deny_purge").asBoolean());
        assertFalse(c2.get("allow_direct").asBoolean());
        assertEquals("workqueue", c2.get("retention").asText());
        assertEquals(3, c2.get("max_consumers").asLong());
    }

    @Test
    void addOfAnExistingNameWithAnotherConfigFailsWithNatsWords() {
        addStream("TAKEN", "taken.>");
        Result again = cli.run("stream", "add", "TAKEN", "--subjects", "other.>");
        assertEquals(ExitCodes.FAILURE, again.exitCode(), again::toString);
        assertTrue(again.err().contains("stream name already in use"), again::toString);
    }

    @Test
    void badFlagValuesAreUsageErrors() {
        Result retention = cli.run("stream", "add", "BAD", "--retention", "forever");
        assertEquals(ExitCodes.USAGE, retention.exitCode(), retention::toString);
        assertTrue(retention.err().contains("'forever' is not one of limits, interest, workqueue"),
                retention::toString);
        Result age = cli.run("stream", "add", "BAD", "--max-age", "soon");
        assertEquals(ExitCodes.USAGE, age.exitCode(), age::toString);
        Result noName = cli.run("stream", "add", "--subjects", "x");
        assertEquals(ExitCodes.USAGE, noName.exitCode(), noName::toString);
        assertTrue(noName.err().contains("a stream name is needed"), noName::toString);
    }

    @Test
    void addFromAMissingOrBrokenConfigFileSaysWhichFile() throws Exception {
        Result missing = cli.run("stream", "add", "--config", dir.resolve("nope.json").toString());
        assertEquals(ExitCodes.USAGE, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("nope.json: no such file"), missing::toString);
        Path broken = java.nio.file.Files.writeString(dir.resolve("broken.json"), "{\"name\": ");
        Result bad = cli.run("stream", "add", "--config", broken.toString());
        assertEquals(ExitCodes.USAGE, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("invalid configuration in " + broken), bad::toString);
    }

    @Test
    void infoShowsConfigurationAndStateAndJsonIsTheServersStreamInfo() throws Exception {
        addStream("INFO", "info.>");
        publish("info.a", 1, 3);
        Result info = cli.ok("stream", "info", "INFO");
        assertTrue(info.out().startsWith("Information for stream INFO created "), info::toString);
        assertTrue(info.out().contains("Configuration:"), info::toString);
        assertTrue(info.out().contains("Messages: 3"), info::toString);
        assertTrue(info.out().contains("Last sequence: 3 @ "), info::toString);

        JsonNode json = cli.json("stream", "info", "INFO", "--json");
        assertEquals("INFO", json.at("/config/name").asText());
        assertEquals(3, json.at("/state/messages").asLong());
        assertEquals(3, json.at("/state/last_seq").asLong());
        assertFalse(json.has("type"), json::toString);
    }

    @Test
    void infoOfAMissingStreamPrintsNatsDescriptionAndExitsNotFound() {
        Result r = cli.run("stream", "info", "MISSING");
        assertEquals(ExitCodes.NOT_FOUND, r.exitCode(), r::toString);
        assertEquals("hermod: stream not found (err_code 10059)\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void editPrintsTheDifferencesAndDryRunChangesNothing() throws Exception {
        cli.ok("stream", "add", "EDIT", "--subjects", "edit.>", "--max-age", "7d", "--description", "before");
        Result dry = cli.ok("stream", "edit", "EDIT", "--max-age", "30d", "--description", "after", "--dry-run");
        assertEquals("""
                Differences (-current +new) for stream EDIT:
                -   "description": "before"
                +   "description": "after"
                -   "max_age": 604800000000000
                +   "max_age": 2592000000000000
                Dry run: stream EDIT not changed
                """, dry.out());
        assertEquals(604_800_000_000_000L, cli.json("stream", "info", "EDIT", "--json").at("/config/max_age").asLong());

        Result applied = cli.ok("stream", "edit", "EDIT", "--max-age", "30d");
        assertTrue(applied.out().endsWith("Stream EDIT updated\n"), applied::toString);
        assertEquals(2_592_000_000_000_000L, cli.json("stream", "info", "EDIT", "--json").at("/config/max_age").asLong());

        assertEquals("Stream EDIT: nothing to change\n", cli.ok("stream", "edit", "EDIT", "--max-age", "30d").out());
    }

    @Test
    void editFromAConfigFileReplacesTheConfigurationAndAFileForAnotherStreamIsRefused() throws Exception {
        cli.ok("stream", "add", "FILEEDIT", "--subjects", "fileedit.>", "--max-msgs", "10");
        Path file = java.nio.file.Files.writeString(dir.resolve("fileedit.json"),
                "{\"name\":\"FILEEDIT\",\"subjects\":[\"fileedit.>\"],\"max_msgs\":20,\"storage\":\"file\"}");
        Result r = cli.ok("stream", "edit", "FILEEDIT", "--config", file.toString());
        assertTrue(r.out().contains("-   \"max_msgs\": 10\n+   \"max_msgs\": 20\n"), r::toString);
        assertEquals(20, cli.json("stream", "info", "FILEEDIT", "--json").at("/config/max_msgs").asLong());

        Result other = cli.run("stream", "edit", "FILEEDIT", "--config",
                DataFile.path("stream-orders.json").toString());
        assertEquals(ExitCodes.USAGE, other.exitCode(), other::toString);
        assertTrue(other.err().contains("configures stream ORDERS, not FILEEDIT"), other::toString);
    }

    @Test
    void editThatTheServerRefusesShowsNatsReason() {
        addStream("REFUSE", "refuse.>");
        Result r = cli.run("stream", "edit", "REFUSE", "--storage", "memory");
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("stream configuration update can not change storage type"), r::toString);
    }

    @Test
    void lsListsNamesOrATableOrJson() throws Exception {
        addStream("LSA", "lsa.>");
        addStream("LSB", "lsb.>");
        publish("lsb.x", 1, 2);
        List<String> names = cli.ok("stream", "ls", "--names").out().lines().toList();
        assertTrue(names.containsAll(List.of("LSA", "LSB")), names::toString);
        assertEquals(names.stream().sorted().toList(), names);

        Result table = cli.ok("stream", "ls");
        assertTrue(table.out().startsWith("Streams\n\nName "), table::toString);
        String lsb = table.out().lines().filter(l -> l.startsWith("LSB ")).findFirst().orElseThrow();
        assertTrue(lsb.matches("LSB\\s+\\S+\\s+2\\s+\\d+ B\\s+(just now|\\d+s ago)"), lsb);

        JsonNode json = cli.json("stream", "ls", "--json");
        assertTrue(json.isArray());
        boolean found = false;
        for (JsonNode s : json) {
            if (s.at("/config/name").asText().equals("LSB")) {
                assertEquals(2, s.at("/state/messages").asLong());
                found = true;
            }
        }
        assertTrue(found, json::toString);
        assertEquals(JSON.readTree("[\"LSA\"]"), cli.json("stream", "ls", "--names", "--subject", "lsa.x", "--json"));
    }

    @Test
    void rmNeedsForceWithoutATerminalAndThenDeletes() throws Exception {
        addStream("RM", "rm.>");
        Result refused = cli.run("stream", "rm", "RM");
        assertEquals(ExitCodes.USAGE, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("add -f to confirm"), refused::toString);
        cli.ok("stream", "info", "RM");

        assertEquals("Deleted stream RM\n", cli.ok("stream", "rm", "RM", "-f").out());
        assertEquals(ExitCodes.NOT_FOUND, cli.run("stream", "info", "RM").exitCode());
        assertEquals(ExitCodes.NOT_FOUND, cli.run("stream", "rm", "RM", "-f").exitCode());
    }

    @Test
    void purgeAllBySubjectAndKeepingTheNewest() throws Exception {
        addStream("PURGE", "purge.>");
        publish("purge.a", 1, 5);
        publish("purge.b", 1, 3);
        assertEquals("Purged 2 messages from stream PURGE\n",
                cli.ok("stream", "purge", "PURGE", "--subject", "purge.b", "--keep", "1", "-f").out());
        assertEquals("Purged 5 messages from stream PURGE\n",
                cli.ok("stream", "purge", "PURGE", "--subject", "purge.a", "-f").out());
        JsonNode purged = cli.json("stream", "purge", "PURGE", "-f", "--json");
        assertEquals(1, purged.get("purged").asLong());
        assertTrue(purged.get("success").asBoolean());
        assertEquals(0, cli.json("stream", "info", "PURGE", "--json").at("/state/messages").asLong());

        Result both = cli.run("stream", "purge", "PURGE", "--seq", "3", "--keep", "1", "-f");
        assertEquals(ExitCodes.USAGE, both.exitCode(), both::toString);
        assertEquals(ExitCodes.USAGE, cli.run("stream", "purge", "PURGE").exitCode());
    }

    @Test
    void purgeBelowASequence() throws Exception {
        addStream("PURGESEQ", "purgeseq");
        publish("purgeseq", 1, 6);
        cli.ok("stream", "purge", "PURGESEQ", "--seq", "4", "-f");
        JsonNode state = cli.json("stream", "info", "PURGESEQ", "--json").get("state");
        assertEquals(4, state.get("first_seq").asLong());
        assertEquals(3, state.get("messages").asLong());
    }

    @Test
    void getBySequenceAndLastForSubjectWithHeaders() throws Exception {
        addStream("GET", "get.>");
        publish("get.a", 1, 2);
        publish("get.b", 3, 1);
        Result bySeq = cli.ok("stream", "get", "GET", "--seq", "2");
        assertTrue(bySeq.out().startsWith("Item: GET#2 received "), bySeq::toString);
        assertTrue(bySeq.out().contains(" on subject get.a\n\nHeaders:\n  Nats-Msg-Id: get.a-2\n\n{\"id\":2}\n"),
                bySeq::toString);

        JsonNode last = cli.json("stream", "get", "GET", "--last-for", "get.a", "--json");
        assertEquals(2, last.get("seq").asLong());
        assertEquals("get.a", last.get("subject").asText());
        assertEquals("get.a-2", last.at("/headers/Nats-Msg-Id/0").asText());
        assertEquals("{\"id\":2}", new String(Base64.getDecoder().decode(last.get("data").asText()),
                StandardCharsets.UTF_8));

        Result missing = cli.run("stream", "get", "GET", "--seq", "99");
        assertEquals(ExitCodes.NOT_FOUND, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("no message found"), missing::toString);
        Result neither = cli.run("stream", "get", "GET");
        assertEquals(ExitCodes.USAGE, neither.exitCode(), neither::toString);
    }

    @Test
    void rmmDeletesOneMessage() throws Exception {
        addStream("RMM", "rmm");
        publish("rmm", 1, 3);
        assertEquals("Deleted message 2 of stream RMM\n", cli.ok("stream", "rmm", "RMM", "2", "-f").out());
        assertEquals(ExitCodes.NOT_FOUND, cli.run("stream", "get", "RMM", "--seq", "2").exitCode());
        JsonNode state = cli.json("stream", "info", "RMM", "--json").get("state");
        assertEquals(2, state.get("messages").asLong());
        Result again = cli.run("stream", "rmm", "RMM", "2", "-f");
        assertEquals(ExitCodes.FAILURE, again.exitCode(), again::toString);
        assertEquals("hermod: sequence 2 not found (err_code 10043)\n", again.err());
    }

    @Test
    void rmmOnAStreamThatDeniesDeleteShowsNatsReason() throws Exception {
        cli.ok("stream", "add", "DENY", "--subjects", "deny", "--deny-delete");
        publish("deny", 1, 1);
        Result r = cli.run("stream", "rmm", "DENY", "1", "-f");
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("message delete not permitted"), r::toString);
    }

    @Test
    void viewPrintsOnePageWithHeadersAndSaysWhereTheNextStarts() throws Exception {
        addStream("VIEW", "view.>");
        publish("view.a", 1, 5);
        Result page = cli.ok("stream", "view", "VIEW", "--count", "2");
        assertTrue(page.out().startsWith("[1] Subject: view.a Received: "), page::toString);
        assertTrue(page.out().contains("  Nats-Msg-Id: view.a-1\n\n{\"id\":1}\n"), page::toString);
        assertTrue(page.out().contains("[2] Subject: view.a"), page::toString);
        assertFalse(page.out().contains("[3]"), page::toString);
        assertEquals("More messages follow: add --start-seq 3 for the next page\n", page.err());

        Result rest = cli.ok("stream", "view", "VIEW", "--start-seq", "3", "--count", "10");
        assertTrue(rest.out().startsWith("[3] "), rest::toString);
        assertTrue(rest.out().contains("[5] "), rest::toString);
        assertEquals("", rest.err());

        List<JsonNode> lines = cli.ok("stream", "view", "VIEW", "--since", "1h", "--json", "--count", "10").out()
                .lines().map(l -> {
                    try {
                        return JSON.readTree(l);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }).toList();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), lines.stream().map(n -> n.get("seq").asLong()).toList());
    }

    @Test
    void viewSkipsDeletedMessagesAndFiltersBySubject() throws Exception {
        addStream("VIEWF", "viewf.>");
        publish("viewf.a", 1, 2);
        publish("viewf.b", 3, 2);
        cli.ok("stream", "rmm", "VIEWF", "1", "-f");
        Result a = cli.ok("stream", "view", "VIEWF", "--subject", "viewf.a");
        assertTrue(a.out().startsWith("[2] Subject: viewf.a"), a::toString);
        assertFalse(a.out().contains("viewf.b"), a::toString);

        addStream("VIEWEMPTY", "viewempty");
        assertEquals("No messages in stream VIEWEMPTY\n", cli.ok("stream", "view", "VIEWEMPTY").out());
    }

    @Test
    void viewFindsTheFirstMessageSinceATimeByBinarySearch() throws Exception {
        addStream("SINCE", "since");
        publish("since", 1, 6);
        try (Connection nc = cli.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            MessageCursor cursor = new MessageCursor(jsm, "SINCE", ">");
            for (long seq = 1; seq <= 6; seq++) {
                java.time.Instant t = jsm.getMessage("SINCE", seq).getTime().toInstant();
                assertEquals(seq, cursor.firstSequenceSince(t, 1, 6), "since message " + seq);
            }
            java.time.Instant after = jsm.getMessage("SINCE", 6).getTime().toInstant().plusNanos(1);
            assertEquals(7, cursor.firstSequenceSince(after, 1, 6));
        }
    }

    @Test
    void reportTabulatesEveryStreamWithConsumersAndActivity() throws Exception {
        addStream("REPORT", "report.>");
        publish("report.x", 1, 4);
        try (Connection nc = cli.connect()) {
            nc.jetStreamManagement().addOrUpdateConsumer("REPORT",
                    io.nats.client.api.ConsumerConfiguration.builder().durable("r1").build());
        }
        Result table = cli.ok("stream", "report");
        assertTrue(table.out().startsWith("Stream Report\n\nStream "), table::toString);
        assertTrue(table.out().contains("Last Activity"), table::toString);
        String row = table.out().lines().filter(l -> l.startsWith("REPORT ")).findFirst().orElseThrow();
        assertTrue(row.matches("REPORT\\s+file\\s+1\\s+4\\s+\\d+ B\\s+0\\s+(just now|\\d+s ago)"), row);

        JsonNode json = cli.json("stream", "report", "--json");
        JsonNode report = null;
        for (JsonNode s : json) {
            if (s.get("stream").asText().equals("REPORT")) {
                report = s;
            }
        }
        assertTrue(report != null, json::toString);
        assertEquals(1, report.get("consumers").asLong());
        assertEquals(4, report.get("messages").asLong());
        assertEquals(4, report.get("last_seq").asLong());
        assertTrue(report.get("bytes").asLong() > 0);
    }

    @Test
    void commandsReportAnUnreachableServerWithTheConnectionExitCode() {
        Result r = io.hermod.cli.client.HermodRun.run("stream", "ls", "-s", "nats://127.0.0.1:1", "--timeout",
                "1s");
        assertEquals(ExitCodes.CONNECTION, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("hermod: cannot connect to nats://127.0.0.1:1"), r::toString);
    }

    @Test
    void aStreamConfigFromTheDataFolderIsValidNatsJsonWithOnlyKnownFields() {
        java.io.StringWriter warnings = new java.io.StringWriter();
        StreamConfiguration c = ConfigFile.stream(DataFile.path("stream-orders.json"),
                new java.io.PrintWriter(warnings));
        assertEquals("ORDERS", c.getName());
        assertEquals(List.of("orders.>"), c.getSubjects());
        assertEquals("", warnings.toString());
    }

    @Test
    void aMisspeltFieldInAConfigFileIsWarnedAboutNotSilentlyDropped() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("typo.json"),
                "{\"name\":\"TYPO\",\"subjects\":[\"typo\"],\"max_agee\":1000000000}");
        Result r = cli.ok("stream", "add", "--config", file.toString());
        assertEquals("hermod: warning: " + file + ": unknown field \"max_agee\" ignored\n", r.err());
        assertEquals(0, cli.json("stream", "info", "TYPO", "--json").at("/config/max_age").asLong());
    }
}
