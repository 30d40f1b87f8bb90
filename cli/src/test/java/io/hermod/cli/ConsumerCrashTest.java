package io.hermod.cli;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code hermod server -js} as its own JVM: a durable pull consumer fetches messages and acknowledges some (each ack
 * confirmed by the server), the server is SIGKILLed and restarted on the same store; exactly the unacknowledged
 * messages come back, redelivered, then the ones never delivered.
 */
class ConsumerCrashTest {
    private static final int MESSAGES = 40;
    private static final int FETCHED = 30;

    @TempDir
    Path dir;

    @Test
    void unacknowledgedDeliveriesComeBackAfterSigkill() throws Exception {
        Path store = dir.resolve("store");
        Set<Long> acked = new TreeSet<>();
        try (ServerProcess server = ServerProcess.start(store); Connection nc = connect(server.port())) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            jsm.addStream(StreamConfiguration.builder().name("Q").subjects("q.>").storageType(StorageType.File)
                    .build());
            JetStream js = nc.jetStream();
            for (int i = 1; i <= MESSAGES; i++) {
                js.publish("q." + i, ("m" + i).getBytes(StandardCharsets.UTF_8));
            }
            jsm.addOrUpdateConsumer("Q", ConsumerConfiguration.builder().durable("D").ackPolicy(AckPolicy.Explicit)
                    .build());
            JetStreamSubscription sub = js.subscribe(null, PullSubscribeOptions.bind("Q", "D"));
            List<Message> got = new ArrayList<>();
            while (got.size() < FETCHED) {
                got.addAll(sub.fetch(FETCHED - got.size(), Duration.ofSeconds(2)));
            }
            for (Message m : got) {
                if (m.metaData().streamSequence() % 3 != 0) {
                    m.ackSync(Duration.ofSeconds(5));
                    acked.add(m.metaData().streamSequence());
                }
            }
        } // SIGKILL
        try (ServerProcess server = ServerProcess.start(store); Connection nc = connect(server.port())) {
            JetStreamSubscription sub = nc.jetStream().subscribe(null, PullSubscribeOptions.bind("Q", "D"));
            List<Long> redelivered = new ArrayList<>();
            List<Long> fresh = new ArrayList<>();
            List<Message> back = new ArrayList<>();
            while (back.size() < MESSAGES - acked.size()) {
                List<Message> batch = sub.fetch(MESSAGES, Duration.ofSeconds(2));
                assertTrue(!batch.isEmpty(), "messages stopped after " + back.size());
                back.addAll(batch);
            }
            for (Message m : back) {
                long seq = m.metaData().streamSequence();
                assertTrue(!acked.contains(seq), "acknowledged " + seq + " came back");
                (m.metaData().deliveredCount() > 1 ? redelivered : fresh).add(seq);
                m.ackSync(Duration.ofSeconds(5));
            }
            List<Long> expectedRedelivered = new ArrayList<>();
            for (long seq = 3; seq <= FETCHED; seq += 3) {
                expectedRedelivered.add(seq);
            }
            assertEquals(expectedRedelivered, redelivered);
            List<Long> expectedFresh = new ArrayList<>();
            for (long seq = FETCHED + 1; seq <= MESSAGES; seq++) {
                expectedFresh.add(seq);
            }
            assertEquals(expectedFresh, fresh);
            ConsumerInfo info = nc.jetStreamManagement().getConsumerInfo("Q", "D");
            assertEquals(MESSAGES, info.getAckFloor().getStreamSequence());
            assertEquals(0, info.getNumAckPending());
        }
    }

    private static Connection connect(int port) throws IOException, InterruptedException {
        return Nats.connect(new Options.Builder().server("nats://127.0.0.1:" + port).maxReconnects(0)
                .connectionTimeout(Duration.ofSeconds(10)).errorListener(new ErrorListener() {
                }).build());
    }
}
