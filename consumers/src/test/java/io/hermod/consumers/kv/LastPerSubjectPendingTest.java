package io.hermod.consumers.kv;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.KeyValueConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * jnats' keys() and watches read a bucket with a {@code last_per_subject} consumer and trust its {@code num_pending}:
 * asking for the consumer's info (which counts what is pending) must not change what it delivers.
 */
class LastPerSubjectPendingTest {
    @TempDir
    Path store;

    @Test
    void consumerInfoBeforeDeliveryLeavesLastPerSubjectDeliveryUnchanged() throws Exception {
        try (KvServer server = KvServer.start(store); Connection nc = server.connect()) {
            nc.keyValueManagement().create(KeyValueConfiguration.builder().name("lps").maxHistoryPerKey(5).build());
            var kv = nc.keyValue("lps");
            kv.put("a", "1");   // 1
            kv.put("b", "2");   // 2
            kv.put("a", "3");   // 3
            kv.put("c", "4");   // 4
            kv.put("b", "5");   // 5
            JetStreamManagement jsm = nc.jetStreamManagement();
            jsm.addOrUpdateConsumer("KV_lps", ConsumerConfiguration.builder().durable("last")
                    .deliverPolicy(DeliverPolicy.LastPerSubject).filterSubject("$KV.lps.>")
                    .ackPolicy(AckPolicy.None).build());
            assertEquals(3, jsm.getConsumerInfo("KV_lps", "last").getNumPending());
            assertEquals(3, jsm.getConsumerInfo("KV_lps", "last").getNumPending(), "asking twice changes nothing");

            JetStream js = nc.jetStream();
            JetStreamSubscription sub = js.subscribe(null, PullSubscribeOptions.bind("KV_lps", "last"));
            List<Message> messages = sub.fetch(10, Duration.ofSeconds(2));
            assertEquals(List.of(3L, 4L, 5L), messages.stream().map(m -> m.metaData().streamSequence()).toList());
            assertEquals(List.of(2L, 1L, 0L), messages.stream().map(m -> m.metaData().pendingCount()).toList());
        }
    }
}
