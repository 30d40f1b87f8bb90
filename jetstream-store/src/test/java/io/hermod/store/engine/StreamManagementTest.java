package io.hermod.store.engine;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.PurgeOptions;
import io.nats.client.api.AccountStatistics;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.PurgeResponse;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.api.StreamInfoOptions;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every stream call of jnats' JetStreamManagement against Hermod, with nats-server's errors. */
class StreamManagementTest {
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

    private static StreamConfiguration.Builder stream(String name, String... subjects) {
        return StreamConfiguration.builder().name(name).subjects(subjects).storageType(StorageType.File);
    }

    private static void assertApiError(int code, int errCode, String description, Executable call) {
        JetStreamApiException e = assertThrows(JetStreamApiException.class, call);
        assertEquals(code, e.getErrorCode(), e.getMessage());
        assertEquals(errCode, e.getApiErrorCode(), e.getMessage());
        assertEquals(description, e.getErrorDescription());
    }

    @Test
    void createReturnsDefaultsAndInfoShowsState() throws Exception {
        StreamInfo created = jsm.addStream(stream("ORDERS", "orders.>").build());
        StreamConfiguration c = created.getConfiguration();
        assertEquals("ORDERS", c.getName());
        assertEquals(List.of("orders.>"), c.getSubjects());
        assertEquals(-1, c.getMaxMsgs());
        assertEquals(Duration.ofMinutes(2), c.getDuplicateWindow());
        assertEquals(0, created.getStreamState().getMsgCount());
        assertEquals(0, created.getStreamState().getFirstSequence());

        js.publish("orders.a", "one".getBytes(StandardCharsets.UTF_8));
        js.publish("orders.b", "two".getBytes(StandardCharsets.UTF_8));
        StreamInfo info = jsm.getStreamInfo("ORDERS");
        assertEquals(2, info.getStreamState().getMsgCount());
        assertEquals(1, info.getStreamState().getFirstSequence());
        assertEquals(2, info.getStreamState().getLastSequence());
        assertEquals(2, info.getStreamState().getSubjectCount());
        assertEquals(created.getCreateTime(), info.getCreateTime());
    }

    @Test
    void creatingTheSameStreamTwiceIsFineButADifferentConfigIsNameInUse() throws Exception {
        jsm.addStream(stream("S", "s.>").build());
        jsm.addStream(stream("S", "s.>").build());
        assertApiError(400, 10058, "stream name already in use with a different configuration",
                () -> jsm.addStream(stream("S", "s.>").maxMessages(5).build()));
    }

    @Test
    void overlappingSubjectsAreRefused() throws Exception {
        jsm.addStream(stream("A", "a.>").build());
        assertApiError(400, 10065, "subjects overlap with an existing stream",
                () -> jsm.addStream(stream("B", "a.b").build()));
    }

    @Test
    void invalidConfigIsRefused() {
        assertApiError(500, 10052, "duplicates window can not be larger then max age",
                () -> jsm.addStream(stream("X", "x").maxAge(Duration.ofSeconds(1))
                        .duplicateWindow(Duration.ofSeconds(5)).build()));
        assertApiError(500, 10052, "subjects overlap with jetstream api",
                () -> jsm.addStream(stream("Y", "$JS.API.>").build()));
    }

    @Test
    void unknownStreamIsNotFoundEverywhere() {
        assertApiError(404, 10059, "stream not found", () -> jsm.getStreamInfo("NOPE"));
        assertApiError(404, 10059, "stream not found", () -> jsm.deleteStream("NOPE"));
        assertApiError(404, 10059, "stream not found", () -> jsm.purgeStream("NOPE"));
        assertApiError(404, 10059, "stream not found", () -> jsm.getMessage("NOPE", 1));
        assertApiError(404, 10059, "stream not found", () -> jsm.deleteMessage("NOPE", 1));
        assertApiError(404, 10059, "stream not found", () -> jsm.updateStream(stream("NOPE", "n").build()));
    }

    @Test
    void updateChangesLimitsAndSubjectsAndKeepsMessages() throws Exception {
        jsm.addStream(stream("U", "u.a").build());
        js.publish("u.a", new byte[1]);
        StreamInfo updated = jsm.updateStream(stream("U", "u.a", "u.b").maxMessages(10).build());
        assertEquals(10, updated.getConfiguration().getMaxMsgs());
        assertEquals(1, updated.getStreamState().getMsgCount());
        assertEquals(2, js.publish("u.b", new byte[1]).getSeqno());
        js.publish("u.b", new byte[1]);
        StreamInfo lowered = jsm.updateStream(stream("U", "u.a", "u.b").maxMessages(1).build());
        assertEquals(1, lowered.getStreamState().getMsgCount(), "a lowered limit applies at once");
        assertEquals(3, lowered.getStreamState().getFirstSequence());
        assertApiError(500, 10052, "stream configuration update can not change storage type",
                () -> jsm.updateStream(stream("U", "u.a").storageType(StorageType.Memory).build()));
    }

    @Test
    void deleteRemovesTheStreamItsFilesAndItsSubscriptions() throws Exception {
        jsm.addStream(stream("D", "d.>").build());
        js.publish("d.x", new byte[3]);
        assertTrue(Files.exists(dir.resolve("store/streams/D")));
        assertTrue(jsm.deleteStream("D"));
        assertFalse(Files.exists(dir.resolve("store/streams/D")));
        assertEquals(List.of(), jsm.getStreamNames());
        // Recreated under the same name it starts from nothing.
        jsm.addStream(stream("D", "d.>").build());
        assertEquals(0, jsm.getStreamInfo("D").getStreamState().getMsgCount());
        assertEquals(1, js.publish("d.x", new byte[3]).getSeqno());
    }

    @Test
    void namesAndListPageAndFilterBySubject() throws Exception {
        for (String name : List.of("C", "A", "B")) {
            jsm.addStream(stream(name, name.toLowerCase() + ".>").build());
        }
        assertEquals(List.of("A", "B", "C"), jsm.getStreamNames());
        assertEquals(List.of("B"), jsm.getStreamNames("b.x"));
        assertEquals(List.of("A", "B", "C"), jsm.getStreams().stream().map(s -> s.getConfiguration().getName()).toList());
        assertEquals(List.of("C"), jsm.getStreams("c.*").stream().map(s -> s.getConfiguration().getName()).toList());
    }

    @Test
    void namesAndListPageBeyondOnePage() throws Exception {
        IntStream.range(0, 260).forEach(i -> {
            try {
                jsm.addStream(StreamConfiguration.builder().name("M" + i).subjects("m" + i)
                        .storageType(StorageType.Memory).build());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(260, jsm.getStreamNames().size());
        assertEquals(260, jsm.getStreams().size());
        String page2 = new String(nc.request("$JS.API.STREAM.LIST", "{\"offset\":256}".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(5)).getData(), StandardCharsets.UTF_8);
        assertTrue(page2.contains("\"total\":260,\"offset\":256,\"limit\":256"), page2);
    }

    @Test
    void purgeAllByFilterBelowSequenceAndKeep() throws Exception {
        jsm.addStream(stream("P", "p.*").build());
        for (int i = 0; i < 10; i++) {
            js.publish(i % 2 == 0 ? "p.even" : "p.odd", new byte[1]);
        }
        PurgeResponse filtered = jsm.purgeStream("P", PurgeOptions.subject("p.odd"));
        assertTrue(filtered.isSuccess());
        assertEquals(5, filtered.getPurged());
        assertEquals(2, jsm.purgeStream("P", PurgeOptions.builder().sequence(5).build()).getPurged());
        assertEquals(2, jsm.purgeStream("P", PurgeOptions.builder().keep(1).build()).getPurged());
        assertEquals(1, jsm.getStreamInfo("P").getStreamState().getMsgCount());
        assertEquals(1, jsm.purgeStream("P").getPurged());
        StreamInfo empty = jsm.getStreamInfo("P");
        assertEquals(0, empty.getStreamState().getMsgCount());
        assertEquals(10, empty.getStreamState().getLastSequence());
        assertEquals(11, empty.getStreamState().getFirstSequence());
    }

    @Test
    void purgeAndDeleteAreRefusedWhenDenied() throws Exception {
        jsm.addStream(stream("N", "n").denyPurge(true).denyDelete(true).build());
        js.publish("n", new byte[1]);
        assertApiError(500, 10110, "stream purge not permitted", () -> jsm.purgeStream("N"));
        assertApiError(500, 10057, "message delete not permitted", () -> jsm.deleteMessage("N", 1));
        jsm.updateStream(stream("N", "n").denyPurge(true).denyDelete(true).seal().build());
        assertApiError(400, 10109, "invalid operation on sealed stream", () -> jsm.purgeStream("N"));
    }

    @Test
    void getMessageBySequenceLastAndNextBySubject() throws Exception {
        jsm.addStream(stream("G", "g.*").build());
        js.publish(NatsMessage.builder().subject("g.a").headers(new Headers().put("K", "v"))
                .data("first").build());
        js.publish("g.b", "second".getBytes(StandardCharsets.UTF_8));
        js.publish("g.a", "third".getBytes(StandardCharsets.UTF_8));
        MessageInfo first = jsm.getMessage("G", 1);
        assertEquals("g.a", first.getSubject());
        assertEquals("first", new String(first.getData(), StandardCharsets.UTF_8));
        assertEquals("v", first.getHeaders().getFirst("K"));
        assertEquals(3, jsm.getLastMessage("G", "g.a").getSeq());
        assertEquals(2, jsm.getNextMessage("G", 1, "g.b").getSeq());
        assertApiError(404, 10037, "no message found", () -> jsm.getMessage("G", 9));
        assertApiError(404, 10037, "no message found", () -> jsm.getLastMessage("G", "g.none"));
    }

    @Test
    void deleteMessageLeavesAGapShownByDeletedDetails() throws Exception {
        jsm.addStream(stream("M", "m").build());
        for (int i = 0; i < 5; i++) {
            js.publish("m", new byte[1]);
        }
        jsm.deleteMessage("M", 3);
        StreamInfo gap = jsm.getStreamInfo("M", StreamInfoOptions.builder().deletedDetails().build());
        assertEquals(List.of(3L), gap.getStreamState().getDeleted());
        assertEquals(1, gap.getStreamState().getDeletedCount());
        assertTrue(jsm.deleteMessage("M", 2, false));
        assertApiError(400, 10043, "sequence 2 not found", () -> jsm.deleteMessage("M", 2));
        assertTrue(jsm.deleteMessage("M", 1));
        assertApiError(500, 10057, "no message found", () -> jsm.deleteMessage("M", 1));
        assertApiError(500, 10057, "stream store EOF", () -> jsm.deleteMessage("M", 99));
        StreamInfo info = jsm.getStreamInfo("M", StreamInfoOptions.builder().deletedDetails().build());
        assertEquals(2, info.getStreamState().getMsgCount());
        assertEquals(4, info.getStreamState().getFirstSequence());
        assertEquals(0, info.getStreamState().getDeletedCount());
    }

    @Test
    void infoWithSubjectsFilterCountsPerSubject() throws Exception {
        jsm.addStream(stream("K", "kv.*").build());
        js.publish("kv.a", new byte[1]);
        js.publish("kv.a", new byte[1]);
        js.publish("kv.b", new byte[1]);
        StreamInfo info = jsm.getStreamInfo("K", StreamInfoOptions.filterSubjects("kv.a"));
        Map<String, Long> subjects = info.getStreamState().getSubjectMap();
        assertEquals(Map.of("kv.a", 2L), subjects);
        assertEquals(Map.of("kv.a", 2L, "kv.b", 1L),
                jsm.getStreamInfo("K", StreamInfoOptions.allSubjects()).getStreamState().getSubjectMap());
        Map<String, Long> none = jsm.getStreamInfo("K").getStreamState().getSubjectMap();
        assertTrue(none == null || none.isEmpty(), String.valueOf(none));
    }

    @Test
    void directGetAnswersWithHeadersAndStatus() throws Exception {
        jsm.addStream(stream("DG", "dg.>").allowDirect(true).build());
        js.publish(NatsMessage.builder().subject("dg.a").headers(new Headers().put("Foo", "bar")).data("hi").build());
        Message reply = nc.request("$JS.API.DIRECT.GET.DG", "{\"seq\":1}".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(5));
        assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), reply.getData());
        assertEquals("bar", reply.getHeaders().getFirst("Foo"));
        assertEquals("DG", reply.getHeaders().getFirst("Nats-Stream"));
        assertEquals("dg.a", reply.getHeaders().getFirst("Nats-Subject"));
        assertEquals("1", reply.getHeaders().getFirst("Nats-Sequence"));
        assertTrue(reply.getHeaders().getFirst("Nats-Time-Stamp").endsWith("Z"));
        Message last = nc.request("$JS.API.DIRECT.GET.DG.dg.a", new byte[0], Duration.ofSeconds(5));
        assertEquals("1", last.getHeaders().getFirst("Nats-Sequence"));
        Message missing = nc.request("$JS.API.DIRECT.GET.DG", "{\"seq\":7}".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(5));
        assertEquals(404, missing.getStatus().getCode());
        assertEquals("Message Not Found", missing.getStatus().getMessage());
        Message empty = nc.request("$JS.API.DIRECT.GET.DG", new byte[0], Duration.ofSeconds(5));
        assertEquals(408, empty.getStatus().getCode());
        // jnats' getMessage goes through DIRECT.GET for an allow_direct stream.
        assertEquals("dg.a", jsm.getMessage("DG", 1).getSubject());
    }

    /**
     * Direct gets are answered on their requesters' event loops, each reading the store with its own tailer, while
     * the stream's writer appends: every answer is the message asked for.
     */
    @Test
    void directGetsFromSeveralConnectionsWhileMessagesAreAppendedEachGetTheirMessage() throws Exception {
        jsm.addStream(stream("DGC", "dgc.>").allowDirect(true).build());
        int stored = 200;
        for (int i = 1; i <= stored; i++) {
            js.publish("dgc." + (i % 7), ("m" + i).getBytes(StandardCharsets.UTF_8));
        }
        List<Connection> readers = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int c = 0; c < 4; c++) {
                readers.add(server.connect());
            }
            List<Future<Integer>> checked = new ArrayList<>();
            for (Connection reader : readers) {
                checked.add(threads.submit(() -> {
                    Random random = new Random(reader.hashCode());
                    for (int i = 0; i < 150; i++) {
                        int seq = 1 + random.nextInt(stored);
                        Message m = reader.request("$JS.API.DIRECT.GET.DGC", ("{\"seq\":" + seq + "}")
                                .getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
                        assertEquals(String.valueOf(seq), m.getHeaders().getFirst("Nats-Sequence"));
                        assertEquals("m" + seq, new String(m.getData(), StandardCharsets.UTF_8));
                    }
                    return 150;
                }));
            }
            for (int i = stored + 1; i <= stored + 300; i++) {
                js.publish("dgc." + (i % 7), ("m" + i).getBytes(StandardCharsets.UTF_8));
            }
            for (Future<Integer> f : checked) {
                assertEquals(150, f.get(60, TimeUnit.SECONDS));
            }
            Message last = nc.request("$JS.API.DIRECT.GET.DGC.dgc.3", new byte[0], Duration.ofSeconds(5));
            int lastOf3 = IntStream.rangeClosed(1, stored + 300).filter(i -> i % 7 == 3).max().orElseThrow();
            assertEquals(String.valueOf(lastOf3), last.getHeaders().getFirst("Nats-Sequence"));
        } finally {
            threads.shutdownNow();
            for (Connection reader : readers) {
                reader.close();
            }
        }
    }

    @Test
    void accountInfoCountsStreamsAndStorage() throws Exception {
        jsm.addStream(stream("F", "f").build());
        jsm.addStream(StreamConfiguration.builder().name("MEM").subjects("mem").storageType(StorageType.Memory)
                .build());
        js.publish("f", new byte[10]);
        js.publish("mem", new byte[20]);
        AccountStatistics stats = jsm.getAccountStatistics();
        assertEquals(2, stats.getStreams());
        assertEquals(22 + 1 + 10 + 8, stats.getStorage()); // nats-server's file record of subject "f"
        assertEquals(3 + 20 + 16, stats.getMemory()); // and its memory overhead for "mem"
        assertEquals(-1, stats.getLimits().getMaxStreams());
    }

    @Test
    void discardNewAtMaxMsgsIsAStoreError() throws Exception {
        jsm.addStream(stream("L", "l").maxMessages(1).discardPolicy(DiscardPolicy.New).build());
        js.publish("l", new byte[1]);
        assertApiError(503, 10077, "maximum messages exceeded", () -> js.publish("l", new byte[1]));
    }
}
