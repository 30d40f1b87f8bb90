package io.hermod.cli.client.messaging;

import io.hermod.cli.client.ClientTestServer;
import io.hermod.cli.client.ConfigDir;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.HermodRun;
import io.hermod.cli.client.HermodRun.Result;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JetStreamPubCommandTest {
    @TempDir
    Path dir;
    private ConfigDir config;
    private ClientTestServer server;

    @BeforeEach
    void start() throws Exception {
        config = ConfigDir.at(dir.resolve("config"));
        server = ClientTestServer.withJetStream(dir.resolve("store"));
        try (Connection nc = Nats.connect(new Options.Builder().server(server.url()).maxReconnects(0).build())) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            jsm.addStream(StreamConfiguration.builder().name("ORDERS").subjects("orders.>")
                    .storageType(StorageType.File).build());
        }
    }

    @AfterEach
    void stop() {
        server.close();
        config.close();
    }

    @Test
    void jetstreamPrintsEachPubAckAndMarksDuplicates() {
        Result first = HermodRun.run("pub", "orders.new", "one", "--jetstream", "-H", "Nats-Msg-Id:o-1",
                "-s", server.url());
        assertEquals(ExitCodes.OK, first.exitCode(), first::toString);
        assertEquals("Stored in stream ORDERS at sequence 1\n", first.out());

        Result again = HermodRun.run("pub", "orders.new", "one", "--jetstream", "-H", "Nats-Msg-Id:o-1",
                "-s", server.url());
        assertEquals("Stored in stream ORDERS at sequence 1 (duplicate)\n", again.out());

        Result three = HermodRun.run("pub", "orders.new", "n{{Count}}", "-J", "--count", "3", "-s", server.url());
        assertEquals("""
                Stored in stream ORDERS at sequence 2
                Stored in stream ORDERS at sequence 3
                Stored in stream ORDERS at sequence 4
                """, three.out());
    }

    @Test
    void largeJetStreamCountsAreSummarised() {
        Result many = HermodRun.run("pub", "orders.bulk", "b{{Count}}", "--jetstream", "--count", "1200",
                "-s", server.url());
        assertEquals(ExitCodes.OK, many.exitCode(), many::toString);
        assertEquals("Stored 1200 messages in stream ORDERS, sequences 1..1200\n", many.out());
        assertTrue(many.err().contains("1,200/1,200"), many::toString);
    }

    @Test
    void aSubjectNoStreamListensOnExitsAsNoResponders() {
        Result lost = HermodRun.run("pub", "elsewhere", "x", "--jetstream", "-s", server.url());
        assertEquals(ExitCodes.NO_RESPONDERS, lost.exitCode(), lost::toString);
        assertEquals("hermod: no stream listens on subject \"elsewhere\" (no responders)\n", lost.err());
    }
}
