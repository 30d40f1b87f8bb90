package io.hermod.cli.client.messaging;

import io.hermod.cli.client.CliServer;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.HermodRun.Result;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JetStreamPubCommandTest {
    @RegisterExtension
    final CliServer cli = CliServer.withJetStream();

    @BeforeEach
    void addStream() throws Exception {
        try (Connection nc = cli.connect()) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            jsm.addStream(StreamConfiguration.builder().name("ORDERS").subjects("orders.>")
                    .storageType(StorageType.File).build());
        }
    }

    @Test
    void jetstreamPrintsEachPubAckAndMarksDuplicates() {
        Result first = cli.run("pub", "orders.new", "one", "--jetstream", "-H", "Nats-Msg-Id:o-1");
        assertEquals(ExitCodes.OK, first.exitCode(), first::toString);
        assertEquals("Stored in stream ORDERS at sequence 1\n", first.out());

        Result again = cli.run("pub", "orders.new", "one", "--jetstream", "-H", "Nats-Msg-Id:o-1");
        assertEquals("Stored in stream ORDERS at sequence 1 (duplicate)\n", again.out());

        Result three = cli.run("pub", "orders.new", "n{{Count}}", "-J", "--count", "3");
        assertEquals("""
                Stored in stream ORDERS at sequence 2
                Stored in stream ORDERS at sequence 3
                Stored in stream ORDERS at sequence 4
                """, three.out());
    }

    @Test
    void largeJetStreamCountsAreSummarised() {
        Result many = cli.run("pub", "orders.bulk", "b{{Count}}", "--jetstream", "--count", "1200");
        assertEquals(ExitCodes.OK, many.exitCode(), many::toString);
        assertEquals("Stored 1200 messages in stream ORDERS, sequences 1..1200\n", many.out());
        assertTrue(many.err().contains("1,200/1,200"), many::toString);
    }

    @Test
    void aSubjectNoStreamListensOnExitsAsNoResponders() {
        Result lost = cli.run("pub", "elsewhere", "x", "--jetstream");
        assertEquals(ExitCodes.NO_RESPONDERS, lost.exitCode(), lost::toString);
        assertEquals("hermod: no stream listens on subject \"elsewhere\" (no responders)\n", lost.err());
    }
}
