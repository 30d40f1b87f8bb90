package io.hermod.cli.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermod.consumers.ack.AckStateChanges;
import io.hermod.consumers.ack.SequencePair;
import io.hermod.consumers.state.ConsumerId;
import io.hermod.consumers.state.RocksConsumerStateStore;
import io.hermod.store.kv.ColumnFamily;
import io.hermod.store.kv.RocksKeyValueStorage;
import io.hermod.store.proto.SubjectEntry;
import io.nats.client.Connection;
import io.nats.client.api.StreamInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hermod store verify} on stores written by a real server, clean and deliberately damaged. */
class StoreVerifyCommandTest {
    @TempDir
    Path dir;

    private String sd;

    @BeforeEach
    void writeStore() throws Exception {
        StoreFixture.writeOrders(dir);
        sd = dir.toString();
    }

    @Test
    void cleanStoreVerifiesCleanWithItsFigures() {
        StoreCommandRun run = StoreCommandRun.of("store", "verify", "-sd", sd);
        assertEquals(StoreExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("OK: 1 stream(s), 10 message(s), 1 consumer(s) checked, no inconsistencies"),
                run.toString());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("ORDERS\\s+file\\s+10\\s+.*\\s+1\\s+10\\s+2\\s+.*ok")),
                run.toString());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("ORDERS\\s+processor\\s+6\\s+4\\s+2\\s+0")),
                run.toString());
    }

    @Test
    void verifyWithoutRepairLeavesTheLogRecordsAsTheyWere() throws Exception {
        corruptLastOccurrence(dir.resolve("streams/ORDERS"), StoreFixture.LAST_PAYLOAD.getBytes(StandardCharsets.UTF_8));
        Map<Path, String> before = digests(dir.resolve("streams"));
        assertEquals(StoreExitCodes.INCONSISTENT, StoreCommandRun.of("store", "verify", "-sd", sd).exitCode());
        assertEquals(StoreExitCodes.OK, StoreCommandRun.of("store", "dump", "-sd", sd, "--stream", "ORDERS",
                "--all-records").exitCode());
        assertEquals(before, digests(dir.resolve("streams")));
    }

    /** The cycle files (the records); Chronicle rewrites its own metadata.cq4t whenever a queue is opened. */
    private static Map<Path, String> digests(Path root) throws Exception {
        Map<Path, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".cq4")).toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                out.put(root.relativize(file), HexFormat.of().formatHex(digest));
            }
        }
        return out;
    }

    @Test
    void corruptedSubjectIndexIsReportedAndRepairFixesIt() {
        try (RocksKeyValueStorage kv = RocksKeyValueStorage.open(dir.resolve("meta"))) {
            kv.putDurably(ColumnFamily.SUBJECT_INDEX, subjectKey("ORDERS", "orders.new"),
                    SubjectEntry.newBuilder().setMessages(99).setFirstSeq(1).setLastSeq(9).build().toByteArray());
        }
        StoreCommandRun broken = StoreCommandRun.of("store", "verify", "-sd", sd);
        assertEquals(StoreExitCodes.INCONSISTENT, broken.exitCode(), broken.toString());
        assertTrue(broken.out().contains("  ORDERS: subject \"orders.new\": expected 6 msgs, seq 1..9, found 99 msgs,"
                + " seq 1..9"), broken.toString());
        assertTrue(broken.out().contains("FAILED: 1 stream(s), 10 message(s), 1 consumer(s) checked, "
                + "1 inconsistency (1 repairable with --repair)"), broken.toString());

        StoreCommandRun repaired = StoreCommandRun.of("store", "verify", "-sd", sd, "--repair");
        assertEquals(StoreExitCodes.OK, repaired.exitCode(), repaired.toString());
        assertTrue(repaired.out().contains("ORDERS: indexes rebuilt from the log"), repaired.toString());
        assertEquals(StoreExitCodes.OK, StoreCommandRun.of("store", "verify", "-sd", sd).exitCode());
    }

    @Test
    void tornLastLogRecordIsDetectedAndRepairDropsItAsTheServerWould() throws Exception {
        corruptLastOccurrence(dir.resolve("streams/ORDERS"), StoreFixture.LAST_PAYLOAD.getBytes(StandardCharsets.UTF_8));
        StoreCommandRun broken = StoreCommandRun.of("store", "verify", "-sd", sd);
        assertEquals(StoreExitCodes.INCONSISTENT, broken.exitCode(), broken.toString());
        assertTrue(broken.out().contains("  ORDERS: torn record at cycle "), broken.toString());
        assertTrue(broken.out().contains("  ORDERS: last sequence: expected 9, found 10"), broken.toString());

        StoreCommandRun repaired = StoreCommandRun.of("store", "verify", "-sd", sd, "--repair");
        assertEquals(StoreExitCodes.OK, repaired.exitCode(), repaired.toString());
        assertTrue(repaired.out().contains("dropped 1 torn or void"), repaired.toString());
        assertTrue(repaired.out().contains("OK: 1 stream(s), 9 message(s)"), repaired.toString());

        // The server opens the repaired store and continues at the sequence the torn record had.
        try (StoreFixture server = StoreFixture.start(dir); Connection nc = server.connect()) {
            StreamInfo info = nc.jetStreamManagement().getStreamInfo("ORDERS");
            assertEquals(9, info.getStreamState().getLastSequence());
            assertEquals(10, nc.jetStream().publish("orders.new", "again".getBytes(StandardCharsets.UTF_8))
                    .getSeqno());
        }
        assertEquals(StoreExitCodes.OK, StoreCommandRun.of("store", "verify", "-sd", sd).exitCode());
    }

    @Test
    void consumerStatePastTheStreamsLastSequenceIsReportedAndLeftByRepair() {
        try (RocksKeyValueStorage kv = RocksKeyValueStorage.open(dir.resolve("meta"))) {
            new RocksConsumerStateStore(kv).write(new ConsumerId("ORDERS", "processor"),
                    new AckStateChanges(new SequencePair(50, 50), new SequencePair(4, 4), List.of(), List.of()));
        }
        StoreCommandRun broken = StoreCommandRun.of("store", "verify", "-sd", sd);
        assertEquals(StoreExitCodes.INCONSISTENT, broken.exitCode(), broken.toString());
        assertTrue(broken.out().contains("  ORDERS > processor: delivered stream sequence: expected at most 10 "
                + "(the stream's last sequence), found 50"), broken.toString());

        StoreCommandRun repair = StoreCommandRun.of("store", "verify", "-sd", sd, "--repair");
        assertEquals(StoreExitCodes.INCONSISTENT, repair.exitCode(), repair.toString());
        assertTrue(repair.out().contains("nothing that --repair can rebuild"), repair.toString());
    }

    @Test
    void jsonReportsTheSameFindings() throws Exception {
        try (RocksKeyValueStorage kv = RocksKeyValueStorage.open(dir.resolve("meta"))) {
            kv.putDurably(ColumnFamily.SUBJECT_INDEX, subjectKey("ORDERS", "orders.paid"),
                    SubjectEntry.newBuilder().setMessages(4).setFirstSeq(2).setLastSeq(11).build().toByteArray());
        }
        StoreCommandRun run = StoreCommandRun.of("store", "verify", "-sd", sd, "--json");
        assertEquals(StoreExitCodes.INCONSISTENT, run.exitCode(), run.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertFalse(json.get("consistent").asBoolean());
        assertEquals(10, json.get("streams").get(0).get("messages").asLong());
        assertEquals(6, json.get("consumers").get(0).get("delivered_stream_seq").asLong());
        JsonNode issue = json.get("inconsistencies").get(0);
        assertEquals("ORDERS", issue.get("stream").asText());
        assertEquals("subject \"orders.paid\"", issue.get("what").asText());
        assertEquals("4 msgs, seq 2..10", issue.get("expected").asText());
        assertEquals("4 msgs, seq 2..11", issue.get("found").asText());
        assertTrue(issue.get("repairable").asBoolean());

        JsonNode repaired = new ObjectMapper().readTree(
                StoreCommandRun.of("store", "verify", "-sd", sd, "--json", "--repair").out());
        assertTrue(repaired.get("consistent").asBoolean());
        assertEquals(1, repaired.get("before_repair").size());
        assertEquals("ORDERS", repaired.get("repairs").get(0).get("stream").asText());
    }

    @Test
    void storeOfARunningServerIsRefused() throws Exception {
        try (StoreFixture running = StoreFixture.start(dir)) {
            StoreCommandRun run = StoreCommandRun.of("store", "verify", "-sd", sd);
            assertEquals(StoreExitCodes.FAILURE, run.exitCode(), run.toString());
            assertTrue(run.err().contains("is in use") && run.err().contains("stop the server first"), run.toString());
        }
    }

    @Test
    void directoryWithoutAStoreIsNotFoundAndBadFlagsAreUsageErrors() {
        StoreCommandRun missing = StoreCommandRun.of("store", "verify", "-sd", dir.resolve("nothing").toString());
        assertEquals(StoreExitCodes.NOT_FOUND, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("no Hermod store in"), missing.toString());
        assertFalse(Files.exists(dir.resolve("nothing")));
        assertEquals(StoreExitCodes.USAGE, StoreCommandRun.of("store", "verify", "--no-such-flag").exitCode());
    }

    static byte[] subjectKey(String stream, String subject) {
        byte[] name = stream.getBytes(StandardCharsets.UTF_8);
        byte[] s = subject.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + name.length + s.length).putShort((short) name.length).put(name).put(s).array();
    }

    /** Flips one byte inside the last occurrence of {@code needle} in the log's cycle files: a torn record. */
    static void corruptLastOccurrence(Path logDir, byte[] needle) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(logDir)) {
            files = list.filter(p -> p.toString().endsWith(".cq4")).sorted(java.util.Comparator.reverseOrder()).toList();
        }
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            for (int i = content.length - needle.length; i >= 0; i--) {
                if (java.util.Arrays.equals(content, i, i + needle.length, needle, 0, needle.length)) {
                    try (var channel = java.nio.channels.FileChannel.open(file,
                            java.nio.file.StandardOpenOption.WRITE)) {
                        channel.write(ByteBuffer.wrap(new byte[] {(byte) ~content[i + 3]}), i + 3);
                    }
                    return;
                }
            }
        }
        throw new AssertionError("payload not found in " + logDir);
    }
}
