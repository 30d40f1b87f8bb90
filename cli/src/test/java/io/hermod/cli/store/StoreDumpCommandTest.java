package io.hermod.cli.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hermod store dump} on a store written by a real server (read-only, so one store serves every test). */
class StoreDumpCommandTest {
    @TempDir
    static Path dir;

    private static String sd;

    @BeforeAll
    static void writeStore() throws Exception {
        StoreFixture.writeOrders(dir);
        sd = dir.toString();
    }

    @Test
    void withoutAStreamListsTheStreamsWithTheirFigures() {
        StoreCommandRun run = StoreCommandRun.of("store", "dump", "-sd", sd);
        assertEquals(StoreExitCodes.OK, run.exitCode(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("STREAM\\s+STORAGE\\s+MESSAGES\\s+BYTES\\s+FIRST\\s+LAST\\s+DELETED\\s+"
                + "CONSUMERS\\s+LAST MESSAGE"), run.toString());
        assertTrue(lines.get(1).matches("ORDERS\\s+file\\s+10\\s+\\d+ B\\s+1\\s+10\\s+0\\s+1\\s+\\d{4}-.*Z"),
                run.toString());

        JsonNode json = json(StoreCommandRun.of("store", "dump", "-sd", sd, "--json"));
        assertEquals("ORDERS", json.get(0).get("name").asText());
        assertEquals(10, json.get(0).get("messages").asLong());
        assertEquals(1, json.get(0).get("consumers").asInt());
    }

    @Test
    void textDumpShowsSequenceTimeSubjectAndSizesFromASequenceOn() {
        StoreCommandRun run = StoreCommandRun.of("store", "dump", "-sd", sd, "--stream", "ORDERS", "--from", "3",
                "--count", "2");
        assertEquals(StoreExitCodes.OK, run.exitCode(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.toString());
        assertTrue(lines.get(0).matches("\\s+3  \\d{4}-\\d\\d-\\d\\dT.*Z  orders\\.new  headers \\d+ B, payload 7 B,"
                + " msg id order-3"), run.toString());
        assertTrue(lines.get(1).matches("\\s+4  .*  orders\\.new  headers 0 B, payload 7 B"), run.toString());
        assertEquals("2 record(s)", lines.get(2));
    }

    @Test
    void payloadOptionPrintsHeadersAndPayloads() {
        StoreCommandRun run = StoreCommandRun.of("store", "dump", "-sd", sd, "--stream", "ORDERS", "--from", "3",
                "--count", "1", "--payload");
        assertEquals(StoreExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("            Region:north"), run.toString());
        assertTrue(run.out().contains("            order 3"), run.toString());
    }

    @Test
    void jsonDumpHasNatsFieldNamesAndBase64Content() {
        JsonNode json = json(StoreCommandRun.of("store", "dump", "-sd", sd, "--stream", "ORDERS", "--from", "9",
                "--payload", "--json"));
        assertEquals(2, json.size(), json.toString());
        JsonNode last = json.get(1);
        assertEquals("message", last.get("type").asText());
        assertEquals(10, last.get("seq").asLong());
        assertEquals("orders.paid", last.get("subject").asText());
        assertTrue(last.get("held").asBoolean());
        assertEquals(StoreFixture.LAST_PAYLOAD,
                new String(Base64.getDecoder().decode(last.get("data").asText()), StandardCharsets.UTF_8));
        assertFalse(last.has("hdrs"));
    }

    @Test
    void allRecordsIncludeTheRecoveryMarker() {
        StoreCommandRun run = StoreCommandRun.of("store", "dump", "-sd", sd, "--stream", "ORDERS", "--all-records");
        assertEquals(StoreExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("recovery marker: next seq 1"), run.toString());
        assertTrue(run.out().contains("11 record(s)"), run.toString());
    }

    @Test
    void unknownStreamIsNotFound() {
        StoreCommandRun run = StoreCommandRun.of("store", "dump", "-sd", sd, "--stream", "NOPE");
        assertEquals(StoreExitCodes.NOT_FOUND, run.exitCode(), run.toString());
        assertTrue(run.err().contains("stream not found: NOPE"), run.toString());
    }

    private static JsonNode json(StoreCommandRun run) {
        assertEquals(StoreExitCodes.OK, run.exitCode(), run.toString());
        try {
            return new ObjectMapper().readTree(run.out());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + run, e);
        }
    }
}
