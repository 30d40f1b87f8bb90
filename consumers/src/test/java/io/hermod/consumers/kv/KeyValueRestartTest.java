package io.hermod.consumers.kv;

import io.hermod.consumers.engine.ConsumerTestServer;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.ObjectInfo;
import io.nats.client.api.ObjectStoreConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A file bucket and an object store survive a restart on the same store directory, markers and rollups included. */
class KeyValueRestartTest {
    @TempDir
    Path store;

    @Test
    void valuesMarkersAndRevisionsSurviveRestart() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            nc.keyValueManagement().create(KeyValueConfiguration.builder().name("durable").maxHistoryPerKey(3)
                    .ttl(Duration.ofHours(1)).build());
            KeyValue kv = nc.keyValue("durable");
            kv.put("kept", "1");
            kv.put("kept", "2");
            kv.put("deleted", "x");
            kv.delete("deleted");
            kv.put("purged", "a");
            kv.put("purged", "b");
            kv.purge("purged");
        }
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            KeyValue kv = nc.keyValue("durable");
            assertEquals("2", kv.get("kept").getValueAsString());
            assertEquals("1", kv.get("kept", 1).getValueAsString());
            assertNull(kv.get("deleted"));
            assertNull(kv.get("purged"));
            assertNull(kv.get("purged", 5), "the rollup removed the earlier revisions for good");
            KeyValueStatus status = kv.getStatus();
            assertEquals(3, status.getMaxHistoryPerKey());
            assertEquals(Duration.ofHours(1), status.getTtl());
            assertEquals(5, status.getEntryCount(), "kept twice, deleted and its marker, purge marker");

            JetStreamApiException e = assertThrows(JetStreamApiException.class, () -> kv.create("kept", "3".getBytes()));
            assertEquals("wrong last sequence: 2", e.getErrorDescription());
            assertEquals(8, kv.put("kept", "3"), "revisions continue after the last one");
        }
    }

    @Test
    void objectInfoSurvivesRestart() throws Exception {
        ObjectInfo put;
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            nc.objectStoreManagement().create(ObjectStoreConfiguration.builder("files").build());
            put = nc.objectStore("files").put("o", ObjectStoreTest.randomBytes(400_000, 5));
        }
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            ObjectInfo info = nc.objectStore("files").getInfo("o");
            assertEquals(put.getDigest(), info.getDigest());
            assertEquals(put.getNuid(), info.getNuid());
            assertEquals(400_000, info.getSize());
            assertTrue(nc.objectStoreManagement().getBucketNames().contains("files"));
        }
    }
}
