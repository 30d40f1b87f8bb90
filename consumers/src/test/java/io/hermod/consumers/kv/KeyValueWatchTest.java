package io.hermod.consumers.kv;

import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueWatchOption;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.hermod.consumers.kv.RecordingWatcher.END;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * KeyValue watches through jnats (ordered push consumers underneath): the initial values, the end-of-data signal,
 * then live updates, with each watch option.
 */
class KeyValueWatchTest extends KvServerTest {
    private KeyValue kv;

    @BeforeEach
    void createBucket() throws Exception {
        kv = openNewBucket(KeyValueConfiguration.builder().name("w").maxHistoryPerKey(10).build());
        kv.put("a", "1");     // r1
        kv.put("b", "2");     // r2
        kv.put("a", "3");     // r3
        kv.put("c.x", "4");   // r4
        kv.delete("b");       // r5
    }

    @Test
    void watchAllDeliversTheLatestOfEachKeyThenEndOfDataThenUpdates() throws Exception {
        RecordingWatcher watcher = new RecordingWatcher();
        try (NatsKeyValueWatchSubscription sub = kv.watchAll(watcher)) {
            assertEquals(List.of("w/a r3 PUT [3] len 1 delta 2", "w/c.x r4 PUT [4] len 1 delta 1",
                    "w/b r5 DELETE [null] len 0 delta 0", END), watcher.untilEnd(10));
            kv.put("d", "5");
            kv.purge("a");
            assertEquals(List.of("w/d r6 PUT [5] len 1", "w/a r7 PURGE [null] len 0"), watcher.next(2));
        }
    }

    @Test
    void includeHistoryDeliversEveryRevision() throws Exception {
        RecordingWatcher watcher = new RecordingWatcher();
        try (NatsKeyValueWatchSubscription sub = kv.watchAll(watcher, KeyValueWatchOption.INCLUDE_HISTORY)) {
            assertEquals(List.of("w/a r1 PUT [1] len 1 delta 4", "w/b r2 PUT [2] len 1 delta 3",
                    "w/a r3 PUT [3] len 1 delta 2", "w/c.x r4 PUT [4] len 1 delta 1",
                    "w/b r5 DELETE [null] len 0 delta 0", END), watcher.untilEnd(10));
        }
    }

    @Test
    void ignoreDeleteLeavesOutDeleteAndPurgeMarkers() throws Exception {
        RecordingWatcher watcher = new RecordingWatcher();
        try (NatsKeyValueWatchSubscription sub = kv.watchAll(watcher, KeyValueWatchOption.IGNORE_DELETE)) {
            assertEquals(List.of("w/a r3 PUT [3] len 1 delta 2", "w/c.x r4 PUT [4] len 1 delta 1", END),
                    watcher.untilEnd(10));
            kv.purge("c.x");
            kv.put("e", "6");
            assertEquals(List.of("w/e r7 PUT [6] len 1"), watcher.next(1));
        }
    }

    @Test
    void metaOnlyDeliversEntriesWithoutTheirValues() throws Exception {
        RecordingWatcher watcher = new RecordingWatcher();
        try (NatsKeyValueWatchSubscription sub = kv.watch("a", watcher, KeyValueWatchOption.META_ONLY)) {
            assertEquals(List.of("w/a r3 PUT [null] len 1 delta 0", END), watcher.untilEnd(10));
        }
    }

    @Test
    void updatesOnlySignalsEndOfDataAtOnceThenDeliversOnlyNewChanges() throws Exception {
        RecordingWatcher watcher = new RecordingWatcher();
        try (NatsKeyValueWatchSubscription sub = kv.watchAll(watcher, KeyValueWatchOption.UPDATES_ONLY)) {
            assertEquals(List.of(END), watcher.untilEnd(10));
            kv.put("a", "7");
            assertEquals(List.of("w/a r6 PUT [7] len 1"), watcher.next(1));
        }
    }

    @Test
    void watchOfAWildcardKeySeesOnlyMatchingKeys() throws Exception {
        RecordingWatcher watcher = new RecordingWatcher();
        try (NatsKeyValueWatchSubscription sub = kv.watch("c.*", watcher)) {
            assertEquals(List.of("w/c.x r4 PUT [4] len 1 delta 0", END), watcher.untilEnd(10));
            kv.put("a", "8");
            kv.put("c.y", "9");
            assertEquals(List.of("w/c.y r7 PUT [9] len 1"), watcher.next(1));
        }
    }

    @Test
    void watchFromRevisionStartsThere() throws Exception {
        RecordingWatcher watcher = new RecordingWatcher();
        try (NatsKeyValueWatchSubscription sub = kv.watchAll(watcher, 3)) {
            assertEquals(List.of("w/a r3 PUT [3] len 1 delta 2", "w/c.x r4 PUT [4] len 1 delta 1",
                    "w/b r5 DELETE [null] len 0 delta 0", END), watcher.untilEnd(10));
        }
    }

    @Test
    void watchOfAnEmptyBucketSignalsEndOfDataAndThenDeliversPuts() throws Exception {
        KeyValue empty = openNewBucket(KeyValueConfiguration.builder().name("empty").build());
        RecordingWatcher watcher = new RecordingWatcher();
        try (NatsKeyValueWatchSubscription sub = empty.watchAll(watcher)) {
            assertEquals(List.of(END), watcher.untilEnd(10));
            empty.put("k", "v");
            assertEquals(List.of("empty/k r1 PUT [v] len 1"), watcher.next(1));
        }
    }
}
