package io.hermod.store.engine;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jnats' JetStream.publish against Hermod: PubAcks, de-duplication, expected-* headers, roll-ups and limits. */
class PublishTest {
    @TempDir
    Path dir;
    private JetStreamTestServer server;
    private Connection nc;
    private JetStreamManagement jsm;
    private JetStream js;

    @BeforeEach
    void start() throws Exception {
        server = JetStreamTestServer.start(dir.resolve("store"));
        nc = server.connect();
        jsm = nc.jetStreamManagement();
        js = nc.jetStream();
    }

    @AfterEach
    void stop() throws Exception {
        if (nc != null) {
            nc.close();
        }
        server.close();
    }

    private void create(StreamConfiguration.Builder config) throws Exception {
        jsm.addStream(config.storageType(StorageType.File).build());
    }

    private static void assertApiError(int code, int errCode, String description, Executable call) {
        JetStreamApiException e = assertThrows(JetStreamApiException.class, call);
        assertEquals(code, e.getErrorCode(), e.getMessage());
        assertEquals(errCode, e.getApiErrorCode(), e.getMessage());
        assertEquals(description, e.getErrorDescription());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void pubAckIsNatsServersTextAndSequencesAreDense() throws Exception {
        create(StreamConfiguration.builder().name("S").subjects("s.>"));
        Message raw = nc.request("s.a", bytes("x"), Duration.ofSeconds(5));
        assertEquals("{\"stream\":\"S\", \"seq\":1}", new String(raw.getData(), StandardCharsets.UTF_8));
        for (int i = 2; i <= 20; i++) {
            PublishAck ack = js.publish("s.b", bytes("m" + i));
            assertEquals("S", ack.getStream());
            assertEquals(i, ack.getSeqno());
            assertFalse(ack.isDuplicate());
        }
    }

    @Test
    void asyncPublishesKeepThePublishersOrder() throws Exception {
        create(StreamConfiguration.builder().name("A").subjects("a"));
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            acks.add(js.publishAsync("a", bytes(Integer.toString(i))));
        }
        for (int i = 0; i < acks.size(); i++) {
            assertEquals(i + 1, acks.get(i).get().getSeqno());
            assertEquals(Integer.toString(i),
                    new String(jsm.getMessage("A", i + 1).getData(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void repeatedMsgIdIsADuplicateWithinTheWindow() throws Exception {
        create(StreamConfiguration.builder().name("D").subjects("d"));
        PublishOptions id = PublishOptions.builder().messageId("m-1").build();
        assertEquals(1, js.publish("d", bytes("a"), id).getSeqno());
        js.publish("d", bytes("b"));
        PublishAck again = js.publish("d", bytes("a"), id);
        assertTrue(again.isDuplicate());
        assertEquals(1, again.getSeqno());
        Message raw = nc.request(NatsMessage.builder().subject("d").headers(new Headers().put("Nats-Msg-Id", "m-1"))
                .data("a").build(), Duration.ofSeconds(5));
        assertEquals("{\"stream\":\"D\", \"seq\":1,\"duplicate\": true}",
                new String(raw.getData(), StandardCharsets.UTF_8));
        assertEquals(2, jsm.getStreamInfo("D").getStreamState().getMsgCount());
    }

    @Test
    void expectedHeadersAreCheckedAgainstTheStream() throws Exception {
        create(StreamConfiguration.builder().name("E").subjects("e.*"));
        js.publish("e.a", bytes("1"), PublishOptions.builder().messageId("id-1").build());
        js.publish("e.b", bytes("2"));
        assertEquals(3, js.publish("e.a", bytes("3"), PublishOptions.builder().expectedStream("E").build()).getSeqno());
        assertApiError(400, 10060, "expected stream does not match",
                () -> js.publish("e.a", bytes("x"), PublishOptions.builder().expectedStream("OTHER").build()));
        assertEquals(4, js.publish("e.a", bytes("4"),
                PublishOptions.builder().expectedLastSequence(3).build()).getSeqno());
        assertApiError(400, 10071, "wrong last sequence: 4",
                () -> js.publish("e.a", bytes("x"), PublishOptions.builder().expectedLastSequence(2).build()));
        assertEquals(5, js.publish("e.b", bytes("5"),
                PublishOptions.builder().expectedLastSubjectSequence(2).build()).getSeqno());
        assertApiError(400, 10071, "wrong last sequence: 4",
                () -> js.publish("e.a", bytes("x"), PublishOptions.builder().expectedLastSubjectSequence(1).build()));
        assertEquals(6, js.publish("e.c", bytes("6"),
                PublishOptions.builder().expectedLastSubjectSequence(0).build()).getSeqno());
        js.publish("e.a", bytes("7"), PublishOptions.builder().messageId("id-7").build());
        assertEquals(8, js.publish("e.a", bytes("8"),
                PublishOptions.builder().expectedLastMsgId("id-7").build()).getSeqno());
        assertApiError(400, 10070, "wrong last msg ID: ",
                () -> js.publish("e.a", bytes("x"), PublishOptions.builder().expectedLastMsgId("id-7").build()));
        assertEquals(8, jsm.getStreamInfo("E").getStreamState().getLastSequence());
    }

    @Test
    void rollupPurgesTheSubjectOrTheStreamWhenAllowed() throws Exception {
        create(StreamConfiguration.builder().name("R").subjects("r.*").allowRollup(true));
        for (int i = 0; i < 3; i++) {
            js.publish("r.a", bytes("a"));
            js.publish("r.b", bytes("b"));
        }
        PublishAck sub = js.publish(NatsMessage.builder().subject("r.a")
                .headers(new Headers().put("Nats-Rollup", "sub")).data("a-all").build());
        assertEquals(7, sub.getSeqno());
        assertEquals(4, jsm.getStreamInfo("R").getStreamState().getMsgCount());
        js.publish(NatsMessage.builder().subject("r.b").headers(new Headers().put("Nats-Rollup", "all"))
                .data("everything").build());
        assertEquals(1, jsm.getStreamInfo("R").getStreamState().getMsgCount());
        assertEquals(8, jsm.getStreamInfo("R").getStreamState().getFirstSequence());

        create(StreamConfiguration.builder().name("NR").subjects("nr"));
        assertApiError(500, 10111, "rollup not permitted", () -> js.publish(NatsMessage.builder().subject("nr")
                .headers(new Headers().put("Nats-Rollup", "sub")).data("x").build()));
    }

    @Test
    void limitsRefuseOrEvictAsConfigured() throws Exception {
        create(StreamConfiguration.builder().name("SZ").subjects("sz").maxMsgSize(10));
        js.publish("sz", new byte[10]);
        assertApiError(400, 10054, "message size exceeds maximum allowed", () -> js.publish("sz", new byte[11]));

        // Stored: 22 + 2 + 50 + 8 = 82 bytes; refused when 82 plus the next payload reaches max_bytes (nats-server).
        create(StreamConfiguration.builder().name("MB").subjects("mb").maxBytes(100).discardPolicy(DiscardPolicy.New));
        js.publish("mb", new byte[50]);
        assertApiError(503, 10077, "maximum bytes exceeded", () -> js.publish("mb", new byte[18]));

        create(StreamConfiguration.builder().name("OLD").subjects("old").maxMessages(3));
        for (int i = 0; i < 5; i++) {
            js.publish("old", new byte[1]);
        }
        assertEquals(3, jsm.getStreamInfo("OLD").getStreamState().getMsgCount());
        assertEquals(3, jsm.getStreamInfo("OLD").getStreamState().getFirstSequence());

        create(StreamConfiguration.builder().name("PS").subjects("ps.*").maxMessagesPerSubject(1)
                .discardPolicy(DiscardPolicy.New).discardNewPerSubject(true));
        js.publish("ps.a", new byte[1]);
        js.publish("ps.b", new byte[1]);
        assertApiError(503, 10077, "maximum messages per subject exceeded", () -> js.publish("ps.a", new byte[1]));
    }

    @Test
    void maxAgeRemovesOldMessagesWithoutAnyWrite() throws Exception {
        create(StreamConfiguration.builder().name("AGE").subjects("age").maxAge(Duration.ofMillis(300)));
        js.publish("age", new byte[1]);
        js.publish("age", new byte[1]);
        Instant deadline = Instant.now().plusSeconds(10);
        long left = 2;
        while (left > 0 && Instant.now().isBefore(deadline)) {
            left = jsm.getStreamInfo("AGE").getStreamState().getMsgCount();
        }
        assertEquals(0, left);
        assertEquals(2, jsm.getStreamInfo("AGE").getStreamState().getLastSequence());
    }

    @Test
    void sealedStreamRefusesMessages() throws Exception {
        create(StreamConfiguration.builder().name("SE").subjects("se"));
        js.publish("se", new byte[1]);
        jsm.updateStream(StreamConfiguration.builder().name("SE").subjects("se").storageType(StorageType.File)
                .seal().build());
        assertApiError(400, 10109, "invalid operation on sealed stream", () -> js.publish("se", new byte[1]));
    }

    @Test
    void noAckStreamStoresWithoutReplying() throws Exception {
        create(StreamConfiguration.builder().name("NA").subjects("na").noAck(true));
        nc.publish("na", "r", new byte[1]);
        nc.flush(Duration.ofSeconds(5));
        Instant deadline = Instant.now().plusSeconds(10);
        while (jsm.getStreamInfo("NA").getStreamState().getMsgCount() == 0 && Instant.now().isBefore(deadline)) {
            nc.flush(Duration.ofSeconds(5));
        }
        assertEquals(1, jsm.getStreamInfo("NA").getStreamState().getMsgCount());
    }

    @Test
    void serverStorageLimitRefusesReservationsAndMessages() throws Exception {
        nc.close();
        server.close();
        server = JetStreamTestServer.start(new JetStreamSettings(dir.resolve("limited"), -1, 100, Duration.ZERO));
        nc = server.connect();
        jsm = nc.jetStreamManagement();
        js = nc.jetStream();
        assertApiError(500, 10047, "insufficient storage resources available",
                () -> create(StreamConfiguration.builder().name("BIG").subjects("big").maxBytes(101)));
        create(StreamConfiguration.builder().name("SMALL").subjects("small"));
        js.publish("small", new byte[50]); // 22 + 5 + 50 + 8 = 85 of 100 bytes
        assertApiError(400, 10002, "resource limits exceeded for account", () -> js.publish("small", new byte[20]));
    }
}
