package io.hermod.consumers.engine;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consumer administration API as jnats drives it. */
class ConsumerApiTest {
    @TempDir
    Path store;

    @Test
    void createInfoNamesListAndDeleteThroughJnats() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            jsm.addStream(StreamConfiguration.builder().name("S").subjects("s.>").build());
            for (int i = 0; i < 3; i++) {
                nc.jetStream().publish("s.a", "hi".getBytes(StandardCharsets.UTF_8));
            }
            ConsumerConfiguration cc = ConsumerConfiguration.builder().durable("C").ackPolicy(AckPolicy.Explicit)
                    .build();
            ConsumerInfo created = jsm.addOrUpdateConsumer("S", cc);
            assertEquals("C", created.getName());
            assertEquals("S", created.getStreamName());
            assertEquals(3, created.getNumPending());
            assertEquals(Duration.ofSeconds(30), created.getConsumerConfiguration().getAckWait());
            assertEquals(512, created.getConsumerConfiguration().getMaxPullWaiting());

            ConsumerInfo again = jsm.addOrUpdateConsumer("S", cc);
            assertEquals(created.getCreationTime(), again.getCreationTime());

            ConsumerInfo updated = jsm.addOrUpdateConsumer("S", ConsumerConfiguration.builder(cc)
                    .ackWait(Duration.ofSeconds(5)).build());
            assertEquals(Duration.ofSeconds(5), updated.getConsumerConfiguration().getAckWait());

            JetStreamApiException refused = assertThrows(JetStreamApiException.class, () -> jsm.addOrUpdateConsumer(
                    "S", ConsumerConfiguration.builder(cc).deliverPolicy(DeliverPolicy.New).build()));
            assertEquals(10012, refused.getApiErrorCode());

            jsm.addOrUpdateConsumer("S", ConsumerConfiguration.builder().durable("A").filterSubject("s.b")
                    .ackPolicy(AckPolicy.Explicit).build());
            assertEquals(List.of("A", "C"), jsm.getConsumerNames("S"));
            List<ConsumerInfo> infos = jsm.getConsumers("S");
            assertEquals(2, infos.size());
            assertEquals(0, infos.get(0).getNumPending());
            StreamInfo stream = jsm.getStreamInfo("S");
            assertEquals(2, stream.getStreamState().getConsumerCount());

            assertEquals(10014, assertThrows(JetStreamApiException.class,
                    () -> jsm.getConsumerInfo("S", "nope")).getApiErrorCode());
            assertEquals(10059, assertThrows(JetStreamApiException.class,
                    () -> jsm.getConsumerInfo("X", "C")).getApiErrorCode());
            assertTrue(jsm.deleteConsumer("S", "A"));
            assertEquals(10014, assertThrows(JetStreamApiException.class,
                    () -> jsm.deleteConsumer("S", "A")).getApiErrorCode());
            assertEquals(List.of("C"), jsm.getConsumerNames("S"));

            long total = jsm.getAccountStatistics().getApi().getTotal();
            long errors = jsm.getAccountStatistics().getApi().getErrors();
            jsm.getConsumerInfo("S", "C");
            assertThrows(JetStreamApiException.class, () -> jsm.getConsumerInfo("S", "nope"));
            // the two statistics requests count too
            assertEquals(total + 4, jsm.getAccountStatistics().getApi().getTotal(), "consumer requests count");
            assertEquals(errors + 1, jsm.getAccountStatistics().getApi().getErrors());
        }
    }

    @Test
    void repliesAsNatsServerForSubjectChecks() throws Exception {
        try (ConsumerTestServer server = ConsumerTestServer.start(store); Connection nc = server.connect()) {
            nc.jetStreamManagement().addStream(StreamConfiguration.builder().name("S").subjects("s.>").build());
            assertEquals("{\"type\":\"io.nats.jetstream.api.v1.consumer_create_response\",\"error\":{\"code\":400,"
                    + "\"err_code\":10017,\"description\":\"consumer name in subject does not match durable name in "
                    + "request\"}}", request(nc, "$JS.API.CONSUMER.CREATE.S.D",
                    "{\"stream_name\":\"S\",\"config\":{\"durable_name\":\"C\",\"ack_policy\":\"explicit\"}}"));
            assertTrue(request(nc, "$JS.API.CONSUMER.CREATE.X.C",
                    "{\"stream_name\":\"X\",\"config\":{\"durable_name\":\"C\",\"ack_policy\":\"explicit\"}}")
                    .contains("\"err_code\":10059"));
            assertTrue(request(nc, "$JS.API.CONSUMER.CREATE.S.H.s.b",
                    "{\"stream_name\":\"S\",\"config\":{\"durable_name\":\"H\",\"ack_policy\":\"explicit\","
                            + "\"filter_subject\":\"s.c\"}}").contains("\"err_code\":10131"));
            assertTrue(request(nc, "$JS.API.CONSUMER.CREATE.S.I",
                    "{\"stream_name\":\"T\",\"config\":{\"durable_name\":\"I\",\"ack_policy\":\"explicit\"}}")
                    .contains("\"err_code\":10056"));
            assertTrue(request(nc, "$JS.API.CONSUMER.CREATE.S.K", "").contains("\"err_code\":10025"));
            assertTrue(request(nc, "$JS.API.CONSUMER.CREATE.S",
                    "{\"stream_name\":\"S\",\"config\":{\"durable_name\":\"Q\",\"ack_policy\":\"explicit\"}}")
                    .contains("\"err_code\":10020"));
            assertTrue(request(nc, "$JS.API.CONSUMER.DURABLE.CREATE.S.Q",
                    "{\"stream_name\":\"S\",\"config\":{\"ack_policy\":\"explicit\"}}").contains("\"err_code\":10018"));
            String durable = request(nc, "$JS.API.CONSUMER.DURABLE.CREATE.S.E",
                    "{\"stream_name\":\"S\",\"config\":{\"durable_name\":\"E\",\"ack_policy\":\"explicit\"}}");
            assertTrue(durable.replaceAll("\"created\":\"[^\"]+\"", "\"created\":\"T\"").equals(
                    "{\"type\":\"io.nats.jetstream.api.v1.consumer_create_response\",\"stream_name\":\"S\","
                            + "\"name\":\"E\",\"created\":\"T\",\"config\":{\"durable_name\":\"E\","
                            + "\"deliver_policy\":\"all\",\"ack_policy\":\"explicit\",\"ack_wait\":30000000000,"
                            + "\"max_deliver\":-1,\"replay_policy\":\"instant\",\"max_waiting\":512,"
                            + "\"max_ack_pending\":1000,\"num_replicas\":0},\"delivered\":{\"consumer_seq\":0,"
                            + "\"stream_seq\":0},\"ack_floor\":{\"consumer_seq\":0,\"stream_seq\":0},"
                            + "\"num_ack_pending\":0,\"num_redelivered\":0,\"num_waiting\":0,\"num_pending\":0}"),
                    durable);
            String ephemeral = request(nc, "$JS.API.CONSUMER.CREATE.S",
                    "{\"stream_name\":\"S\",\"config\":{\"ack_policy\":\"explicit\"}}");
            assertTrue(ephemeral.contains("\"inactive_threshold\":5000000000"), ephemeral);
            assertFalse(ephemeral.contains("\"durable_name\""), ephemeral);
            assertEquals("{\"type\":\"io.nats.jetstream.api.v1.consumer_names_response\",\"error\":{\"code\":404,"
                    + "\"err_code\":10059,\"description\":\"stream not found\"},\"total\":0,\"offset\":0,\"limit\":0,"
                    + "\"consumers\":[]}", request(nc, "$JS.API.CONSUMER.NAMES.NOPE", ""));
        }
    }

    private static String request(Connection nc, String subject, String body) throws Exception {
        Message reply = nc.request(subject, body.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
        return new String(reply.getData(), StandardCharsets.UTF_8);
    }
}
