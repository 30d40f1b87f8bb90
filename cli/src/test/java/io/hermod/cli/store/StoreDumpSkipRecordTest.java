package io.hermod.cli.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log record of a sequence an interest stream took without storing the message (nobody was interested):
 * {@code store dump --all-records} shows it in text and JSON, and {@code store verify} finds the store consistent.
 */
class StoreDumpSkipRecordTest {
    @TempDir
    Path dir;

    @Test
    void skippedSequenceIsDumpedAndVerifiesClean() throws Exception {
        try (StoreFixture fixture = StoreFixture.start(dir); Connection nc = fixture.connect()) {
            JetStreamOptions slowStart = JetStreamOptions.builder().requestTimeout(Duration.ofSeconds(30)).build();
            JetStreamManagement jsm = nc.jetStreamManagement(slowStart);
            jsm.addStream(StreamConfiguration.builder().name("I").subjects("i.>").storageType(StorageType.File)
                    .retentionPolicy(RetentionPolicy.Interest).build());
            assertEquals(1, nc.jetStream(slowStart).publish("i.a", "nobody".getBytes(StandardCharsets.UTF_8))
                    .getSeqno());
        }
        String sd = dir.toString();
        StoreCommandRun text = StoreCommandRun.of("store", "dump", "-sd", sd, "--stream", "I", "--all-records");
        assertEquals(StoreExitCodes.OK, text.exitCode(), text.toString());
        assertTrue(text.out().contains("skipped: seq 1 taken without a message"), text.toString());

        StoreCommandRun json = StoreCommandRun.of("store", "dump", "-sd", sd, "--stream", "I", "--all-records",
                "--json");
        assertEquals(StoreExitCodes.OK, json.exitCode(), json.toString());
        JsonNode records = new ObjectMapper().readTree(json.out());
        boolean found = false;
        for (JsonNode r : records) {
            found |= r.path("type").asText().equals("skip") && r.path("seq").asLong() == 1;
        }
        assertTrue(found, json.toString());

        StoreCommandRun verify = StoreCommandRun.of("store", "verify", "-sd", sd);
        assertEquals(StoreExitCodes.OK, verify.exitCode(), verify.toString());
    }
}
