package io.hermod.consumers.kv;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Discard new with a per-subject limit, as KeyValue buckets are configured: a message that replaces the oldest of its
 * subject (history full) is no new message for the stream-wide limits, as nats-server's store decides.
 */
class DiscardNewPerSubjectLimitTest {
    @TempDir
    Path store;

    @Test
    void fullBucketStillTakesAnUpdateOfAKeyAtItsHistoryLimitThatIsNoLarger() throws Exception {
        try (KvServer server = KvServer.start(store); Connection nc = server.connect()) {
            nc.keyValueManagement().create(KeyValueConfiguration.builder().name("full").maxBucketSize(400).build());
            KeyValue kv = nc.keyValue("full");
            kv.put("a", new byte[300]);
            assertEquals(2, kv.put("a", new byte[250]), "replaces the only revision of a, which frees room");
            assertEquals(250, kv.get("a").getValue().length);
            JetStreamApiException e = assertThrows(JetStreamApiException.class, () -> kv.put("b", new byte[250]));
            assertEquals(10077, e.getApiErrorCode(), "a new key has nothing to replace");
            assertNull(kv.get("b"));
        }
    }

    @Test
    void streamAtMaxMsgsTakesAMessageThatReplacesTheOldestOfItsSubject() throws Exception {
        try (KvServer server = KvServer.start(store); Connection nc = server.connect()) {
            nc.jetStreamManagement().addStream(StreamConfiguration.builder().name("S").subjects("s.*").maxMessages(2)
                    .maxMessagesPerSubject(1).discardPolicy(DiscardPolicy.New).build());
            JetStream js = nc.jetStream();
            js.publish("s.a", "1".getBytes());
            js.publish("s.b", "2".getBytes());
            assertEquals(3, js.publish("s.a", "3".getBytes()).getSeqno());
            JetStreamApiException e = assertThrows(JetStreamApiException.class,
                    () -> js.publish("s.c", "4".getBytes()));
            assertEquals(10077, e.getApiErrorCode());
            assertEquals("maximum messages exceeded", e.getErrorDescription());
        }
    }
}
