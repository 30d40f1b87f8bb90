package io.hermod.cli.store;

import io.hermod.cli.client.ClientTestServer;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Hermod server with JetStream and consumers on a store directory and an ephemeral 127.0.0.1 port, as
 * {@code hermod server -js} runs it (the client commands' {@link ClientTestServer}), and the store the offline
 * store commands' tests read.
 */
final class StoreFixture implements AutoCloseable {
    /** Subjects of the ten messages {@link #writeOrders} publishes, seq 1 to 10; the last payload is unique. */
    static final String LAST_PAYLOAD = "LAST-ORDER-PAYLOAD";

    private final ClientTestServer server;

    private StoreFixture(ClientTestServer server) {
        this.server = server;
    }

    static StoreFixture start(Path storeDir) throws InterruptedException {
        return new StoreFixture(ClientTestServer.withJetStream(storeDir));
    }

    Connection connect() throws Exception {
        return Nats.connect(new Options.Builder().server(server.url())
                .connectionTimeout(Duration.ofSeconds(5)).maxReconnects(0).errorListener(new ErrorListener() {
                }).build());
    }

    /**
     * Stream ORDERS on {@code orders.>} with ten messages (seq 1-10: orders.new ×6, orders.paid ×4, one with a
     * Nats-Msg-Id and a header), and durable pull consumer {@code processor} that acknowledged seq 1-4 and holds
     * 5-6 pending.
     */
    static void writeOrders(Path storeDir) throws Exception {
        try (StoreFixture fixture = start(storeDir); Connection nc = fixture.connect()) {
            // A first stream on a cold JVM loads Chronicle and RocksDB: more than jnats's default 2 s.
            JetStreamOptions slowStart = JetStreamOptions.builder().requestTimeout(Duration.ofSeconds(30)).build();
            JetStreamManagement jsm = nc.jetStreamManagement(slowStart);
            jsm.addStream(StreamConfiguration.builder().name("ORDERS").subjects("orders.>")
                    .storageType(StorageType.File).build());
            JetStream js = nc.jetStream(slowStart);
            for (int i = 1; i <= 9; i++) {
                String subject = i % 5 == 0 || i % 5 == 2 ? "orders.paid" : "orders.new";
                if (i == 3) {
                    io.nats.client.impl.Headers headers = new io.nats.client.impl.Headers().add("Nats-Msg-Id", "order-3")
                            .add("Region", "north");
                    js.publish(io.nats.client.impl.NatsMessage.builder().subject(subject).headers(headers)
                            .data(("order " + i).getBytes(StandardCharsets.UTF_8)).build());
                } else {
                    js.publish(subject, ("order " + i).getBytes(StandardCharsets.UTF_8));
                }
            }
            js.publish("orders.paid", LAST_PAYLOAD.getBytes(StandardCharsets.UTF_8));
            jsm.addOrUpdateConsumer("ORDERS", ConsumerConfiguration.builder().durable("processor")
                    .ackPolicy(AckPolicy.Explicit).ackWait(Duration.ofMinutes(5)).build());
            JetStreamSubscription sub = js.subscribe(null, PullSubscribeOptions.bind("ORDERS", "processor"));
            List<Message> acked = fetch(sub, 4);
            for (Message m : acked) {
                m.ack();
            }
            fetch(sub, 2);
            awaitConsumer(jsm, 4, 2);
        }
    }

    private static List<Message> fetch(JetStreamSubscription sub, int count) {
        List<Message> got = new ArrayList<>();
        for (int attempt = 0; attempt < 20 && got.size() < count; attempt++) {
            got.addAll(sub.fetch(count - got.size(), Duration.ofSeconds(1)));
        }
        if (got.size() != count) {
            throw new AssertionError("fetched " + got.size() + " of " + count);
        }
        return got;
    }

    /** Bounded polling until the consumer's state is what the test built (its writes are then in RocksDB). */
    private static void awaitConsumer(JetStreamManagement jsm, long ackFloor, long pending) throws Exception {
        ConsumerInfo info = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            info = jsm.getConsumerInfo("ORDERS", "processor");
            if (info.getAckFloor().getStreamSequence() == ackFloor && info.getNumAckPending() == pending) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("consumer state not reached: " + info);
    }

    @Override
    public void close() {
        server.close();
    }
}
