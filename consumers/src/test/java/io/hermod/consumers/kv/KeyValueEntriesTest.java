package io.hermod.consumers.kv;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.StorageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writing and reading single keys through jnats' {@link KeyValue}, on file and memory buckets. */
class KeyValueEntriesTest extends KvServerTest {
    private KeyValue bucket(String name, StorageType storage, int history) throws Exception {
        return openNewBucket(KeyValueConfiguration.builder().name(name).storageType(storage).maxHistoryPerKey(history)
                .build());
    }

    @ParameterizedTest
    @EnumSource(StorageType.class)
    void putReturnsRevisionAndGetReturnsLatestValue(StorageType storage) throws Exception {
        KeyValue kv = bucket("b", storage, 5);
        assertEquals(1, kv.put("color", "red"));
        assertEquals(2, kv.put("size", 42));
        assertEquals(3, kv.put("color", "blue".getBytes()));

        KeyValueEntry color = kv.get("color");
        assertEquals("b", color.getBucket());
        assertEquals("color", color.getKey());
        assertEquals("blue", color.getValueAsString());
        assertEquals(3, color.getRevision());
        assertEquals(KeyValueOperation.PUT, color.getOperation());
        assertEquals(0, color.getDelta());
        assertNotNull(color.getCreated());
        assertEquals(42L, kv.get("size").getValueAsLong());
        assertNull(kv.get("missing"));
    }

    @Test
    void getReadsThroughDirectGetOfTheLastMessageOfTheKeySubject() throws Exception {
        KeyValue kv = bucket("direct", StorageType.File, 1);
        kv.put("k", "v");
        try (Connection spy = server.connect()) {
            Subscription requests = spy.subscribe("$JS.API.>");
            spy.flush(Duration.ofSeconds(5));
            assertEquals("v", kv.get("k").getValueAsString());
            assertNotNull(kv.get("k", 1));
            Message last = requests.nextMessage(Duration.ofSeconds(5));
            Message bySeq = requests.nextMessage(Duration.ofSeconds(5));
            assertEquals("$JS.API.DIRECT.GET.KV_direct.$KV.direct.k", last.getSubject(), "ADR-31 last-by-subject");
            assertEquals("$JS.API.DIRECT.GET.KV_direct", bySeq.getSubject());
            assertEquals("{\"seq\":1}", new String(bySeq.getData()));
        }
    }

    @Test
    void getByRevisionReturnsThatRevisionOnlyForItsOwnKey() throws Exception {
        KeyValue kv = bucket("rev", StorageType.File, 5);
        long first = kv.put("k", "v1");
        long other = kv.put("j", "x");
        kv.put("k", "v2");

        assertEquals("v1", kv.get("k", first).getValueAsString());
        assertEquals(first, kv.get("k", first).getRevision());
        assertNull(kv.get("k", other), "revision of another key");
        assertNull(kv.get("k", 99), "revision past the end");
    }

    @Test
    void historyLimitKeepsOnlyTheNewestRevisionsOfAKey() throws Exception {
        KeyValue kv = bucket("hist", StorageType.File, 2);
        long r1 = kv.put("k", "1");
        kv.put("k", "2");
        kv.put("k", "3");
        assertNull(kv.get("k", r1));
        assertEquals(2, kv.getStatus().getEntryCount());
    }

    @Test
    void createSucceedsOnceThenFailsWithWrongLastSequence() throws Exception {
        KeyValue kv = bucket("cre", StorageType.File, 5);
        assertEquals(1, kv.create("k", "first".getBytes()));
        JetStreamApiException e = assertThrows(JetStreamApiException.class, () -> kv.create("k", "again".getBytes()));
        assertEquals(10071, e.getApiErrorCode());
        assertEquals(400, e.getErrorCode());
        assertEquals("wrong last sequence: 1", e.getErrorDescription());
        assertEquals("first", kv.get("k").getValueAsString());
    }

    @Test
    void createIsAllowedAgainAfterDeleteAndAfterPurge() throws Exception {
        KeyValue kv = bucket("recreate", StorageType.File, 5);
        kv.create("k", "1".getBytes());
        kv.delete("k");
        assertNull(kv.get("k"));
        long afterDelete = kv.create("k", "2".getBytes());
        assertEquals("2", kv.get("k").getValueAsString());
        kv.purge("k");
        long afterPurge = kv.create("k", "3".getBytes());
        assertTrue(afterPurge > afterDelete);
        assertEquals("3", kv.get("k").getValueAsString());
    }

    @Test
    void updateWithExpectedRevisionSucceedsAndWrongRevisionFails() throws Exception {
        KeyValue kv = bucket("upd", StorageType.File, 5);
        long r1 = kv.put("k", "1");
        kv.put("other", "x");
        long r2 = kv.update("k", "2", r1);
        assertEquals(3, r2);
        JetStreamApiException e = assertThrows(JetStreamApiException.class, () -> kv.update("k", "3", r1));
        assertEquals(10071, e.getApiErrorCode());
        assertEquals("wrong last sequence: 3", e.getErrorDescription());
        assertEquals("2", kv.get("k").getValueAsString());
    }

    @Test
    void deleteLeavesAMarkerThatGetHidesButRevisionGetShows() throws Exception {
        KeyValue kv = bucket("del", StorageType.File, 5);
        long put = kv.put("k", "v");
        kv.delete("k");
        assertNull(kv.get("k"));
        assertEquals("v", kv.get("k", put).getValueAsString());
        assertNull(kv.get("k", put + 1), "get by revision hides the delete marker too");
        assertEquals(2, kv.getStatus().getEntryCount(), "the marker is a message");
    }

    @Test
    void deleteWithExpectedRevisionChecksTheRevision() throws Exception {
        KeyValue kv = bucket("delrev", StorageType.File, 5);
        long r = kv.put("k", "v");
        JetStreamApiException e = assertThrows(JetStreamApiException.class, () -> kv.delete("k", r + 5));
        assertEquals(10071, e.getApiErrorCode());
        kv.delete("k", r);
        assertNull(kv.get("k"));
    }

    @Test
    void purgeRollsUpTheKeyToOneMarker() throws Exception {
        KeyValue kv = bucket("pur", StorageType.File, 10);
        kv.put("k", "1");
        kv.put("k", "2");
        kv.put("j", "x");
        kv.purge("k");
        assertNull(kv.get("k"));
        assertEquals("x", kv.get("j").getValueAsString());
        assertEquals(2, kv.getStatus().getEntryCount(), "one purge marker for k, one value of j");
    }

    @Test
    void valueLargerThanMaximumValueSizeIsRejected() throws Exception {
        KeyValue kv = openNewBucket(KeyValueConfiguration.builder().name("small").maximumValueSize(16).build());
        kv.put("k", new byte[16]);
        JetStreamApiException e = assertThrows(JetStreamApiException.class, () -> kv.put("k", new byte[17]));
        assertEquals(10054, e.getApiErrorCode());
        assertArrayEquals(new byte[16], kv.get("k").getValue());
    }

    @Test
    void bucketAtMaxBucketSizeRejectsNewValues() throws Exception {
        // One 300-byte value fits in 400 bytes, a second does not, under Hermod's and nats-server's accounting.
        nc.keyValueManagement().create(KeyValueConfiguration.builder().name("full").maxBucketSize(400).build());
        KeyValue kv = nc.keyValue("full");
        kv.put("a", new byte[300]);
        JetStreamApiException e = assertThrows(JetStreamApiException.class, () -> kv.put("b", new byte[300]));
        assertEquals(10077, e.getApiErrorCode());
        assertEquals("maximum bytes exceeded", e.getErrorDescription());
        assertEquals(1, kv.getStatus().getEntryCount(), "the refused value was not stored");
        assertNull(kv.get("b"));
    }

    @Test
    void valuesExpireAfterTheBucketTtl() throws Exception {
        nc.keyValueManagement().create(KeyValueConfiguration.builder().name("ttl").ttl(Duration.ofMillis(300))
                .build());
        KeyValue kv = nc.keyValue("ttl");
        kv.put("k", "v");
        Instant deadline = Instant.now().plusSeconds(10);
        while (kv.get("k") != null && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertNull(kv.get("k"));
        assertEquals(0, kv.getStatus().getEntryCount());
    }
}
