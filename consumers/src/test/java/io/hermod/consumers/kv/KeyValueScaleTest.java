package io.hermod.consumers.kv;

import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A bucket larger than a push consumer's first flow control window (4 MB of values): keys and a watch must still
 * see every key exactly once, which needs correct pending counts for last-per-subject and answered flow control.
 */
class KeyValueScaleTest {
    private static final int KEYS = 1000;
    private static final int VALUE_SIZE = 4096;

    @TempDir
    Path store;

    @Test
    void keysAndWatchSeeEveryKeyOfABucketBeyondTheFlowControlWindow() throws Exception {
        try (KvServer server = KvServer.start(store); Connection nc = server.connect()) {
            nc.keyValueManagement().create(KeyValueConfiguration.builder().name("many").maxHistoryPerKey(2)
                    .storageType(StorageType.Memory).build());
            KeyValue kv = nc.keyValue("many");
            byte[] value = new byte[VALUE_SIZE];
            for (int i = 0; i < KEYS; i++) {
                kv.put(key(i), value);
            }
            kv.put(key(7), "changed");

            List<String> keys = kv.keys();
            assertEquals(KEYS, keys.size());
            assertEquals(KEYS, keys.stream().distinct().count());

            RecordingWatcher watcher = new RecordingWatcher();
            try (NatsKeyValueWatchSubscription sub = kv.watchAll(watcher)) {
                List<String> events = watcher.untilEnd(KEYS + 1);
                assertEquals(KEYS + 1, events.size());
                assertEquals(RecordingWatcher.END, events.get(KEYS));
                assertEquals("many/k0007 r1001 PUT [changed] len 7 delta 0", events.get(KEYS - 1),
                        "the changed key is the newest, so the last one delivered");
            }
            assertEquals(2, kv.history(key(7)).size());
        }
    }

    private static String key(int i) {
        return String.format("k%04d", i);
    }
}
