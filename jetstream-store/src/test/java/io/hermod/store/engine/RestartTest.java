package io.hermod.store.engine;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.PublishOptions;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.api.StreamState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Closing the server and JetStream and reopening on the same store keeps every stream as it was. */
class RestartTest {
    @TempDir
    Path dir;

    @Test
    void configsMessagesSequencesStateAndDedupeWindowSurviveARestart() throws Exception {
        Path store = dir.resolve("store");
        StreamConfiguration orders = StreamConfiguration.builder().name("ORDERS").subjects("orders.*")
                .storageType(StorageType.File).maxMessages(1000).description("kept").allowDirect(true)
                .duplicateWindow(Duration.ofMinutes(5)).build();
        StreamInfo before;
        StreamState stateBefore;
        try (JetStreamTestServer server = JetStreamTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            JetStream js = nc.jetStream();
            jsm.addStream(orders);
            jsm.addStream(StreamConfiguration.builder().name("OTHER").subjects("other").storageType(StorageType.File)
                    .build());
            for (int i = 1; i <= 10; i++) {
                js.publish("orders." + (i % 3), ("order " + i).getBytes(StandardCharsets.UTF_8),
                        PublishOptions.builder().messageId("id-" + i).build());
            }
            jsm.deleteMessage("ORDERS", 4);
            jsm.deleteStream("OTHER");
            before = jsm.getStreamInfo("ORDERS");
            stateBefore = before.getStreamState();
        }
        try (JetStreamTestServer server = JetStreamTestServer.start(store); Connection nc = server.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            JetStream js = nc.jetStream();
            assertEquals(List.of("ORDERS"), jsm.getStreamNames());
            StreamInfo after = jsm.getStreamInfo("ORDERS");
            assertEquals(before.getConfiguration().toJson(), after.getConfiguration().toJson());
            assertEquals(before.getCreateTime(), after.getCreateTime());
            StreamState state = after.getStreamState();
            assertEquals(stateBefore.getMsgCount(), state.getMsgCount());
            assertEquals(stateBefore.getByteCount(), state.getByteCount());
            assertEquals(stateBefore.getFirstSequence(), state.getFirstSequence());
            assertEquals(stateBefore.getLastSequence(), state.getLastSequence());
            assertEquals(stateBefore.getFirstTime(), state.getFirstTime());
            assertEquals(stateBefore.getLastTime(), state.getLastTime());
            assertEquals(1, state.getDeletedCount());
            MessageInfo seven = jsm.getMessage("ORDERS", 7);
            assertEquals("orders.1", seven.getSubject());
            assertArrayEquals("order 7".getBytes(StandardCharsets.UTF_8), seven.getData());
            assertThrows(JetStreamApiException.class, () -> jsm.getMessage("ORDERS", 4));

            PublishAck duplicate = js.publish("orders.1", "order 7".getBytes(StandardCharsets.UTF_8),
                    PublishOptions.builder().messageId("id-7").build());
            assertTrue(duplicate.isDuplicate());
            assertEquals(7, duplicate.getSeqno());
            assertEquals(11, js.publish("orders.2", new byte[1],
                    PublishOptions.builder().expectedLastMsgId("id-10").build()).getSeqno());
            assertEquals(12, js.publish("orders.2", new byte[1],
                    PublishOptions.builder().expectedLastSequence(11).build()).getSeqno());
        }
    }
}
