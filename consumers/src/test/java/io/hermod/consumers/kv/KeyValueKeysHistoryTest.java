package io.hermod.consumers.kv;

import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValuePurgeOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** jnats' keys, history and purgeDeletes, which read the bucket through push consumers. */
class KeyValueKeysHistoryTest extends KvServerTest {
    private KeyValue kv;

    @BeforeEach
    void createBucket() throws Exception {
        kv = openNewBucket(KeyValueConfiguration.builder().name("h").maxHistoryPerKey(10).build());
    }

    @Test
    void keysListsKeysWhoseLatestEntryIsAValue() throws Exception {
        assertEquals(List.of(), kv.keys());
        kv.put("a", "1");
        kv.put("b", "2");
        kv.put("c.x", "3");
        kv.put("c.y", "4");
        kv.put("a", "5");
        kv.delete("b");
        kv.put("d", "6");
        kv.purge("d");
        assertEquals(List.of("a", "c.x", "c.y"), kv.keys().stream().sorted().toList());
        assertEquals(List.of("c.x", "c.y"), kv.keys("c.*").stream().sorted().toList());
    }

    @Test
    void historyListsEveryRevisionOfAKeyInOrder() throws Exception {
        kv.put("k", "1");
        kv.put("other", "x");
        kv.put("k", "2");
        kv.delete("k");
        kv.put("k", "3");
        List<String> history = kv.history("k").stream().map(e -> e.getRevision() + " " + e.getOperation() + " "
                + e.getValueAsString()).toList();
        assertEquals(List.of("1 PUT 1", "3 PUT 2", "4 DELETE null", "5 PUT 3"), history);
        assertEquals(List.of(), kv.history("never"));
    }

    @Test
    void historyAfterPurgeHoldsOnlyThePurgeMarker() throws Exception {
        kv.put("k", "1");
        kv.put("k", "2");
        kv.purge("k");
        List<KeyValueEntry> history = kv.history("k");
        assertEquals(1, history.size());
        assertEquals(3, history.get(0).getRevision());
    }

    @Test
    void purgeDeletesWithoutThresholdRemovesEveryMarkerAndItsHistory() throws Exception {
        kv.put("gone", "1");
        kv.delete("gone");
        kv.put("purged", "2");
        kv.purge("purged");
        kv.put("live", "3");
        kv.purgeDeletes(KeyValuePurgeOptions.builder().deleteMarkersNoThreshold().build());
        assertEquals(List.of(), kv.history("gone"));
        assertEquals(List.of(), kv.history("purged"));
        assertEquals(List.of("live"), kv.keys());
        assertEquals(1, kv.getStatus().getEntryCount());
    }

    @Test
    void purgeDeletesKeepsRecentMarkersByDefault() throws Exception {
        kv.put("gone", "1");
        kv.delete("gone");
        kv.purgeDeletes();
        List<KeyValueEntry> history = kv.history("gone");
        assertEquals(1, history.size(), "a marker younger than the default 30 minutes stays, alone");
        assertNull(kv.get("gone"));
    }
}
