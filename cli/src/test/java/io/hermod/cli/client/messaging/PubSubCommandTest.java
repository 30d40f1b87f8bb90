package io.hermod.cli.client.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermod.cli.client.ClientTestServer;
import io.hermod.cli.client.ConfigDir;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.HermodRun;
import io.hermod.cli.client.HermodRun.Result;
import io.hermod.cli.client.HermodRun.Running;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PubSubCommandTest {
    @TempDir
    Path dir;
    private ConfigDir config;
    private ClientTestServer server;

    @BeforeEach
    void start() throws Exception {
        config = ConfigDir.at(dir);
        server = ClientTestServer.core();
    }

    @AfterEach
    void stop() {
        server.close();
        config.close();
    }

    private Running subscribe(String... args) {
        String[] full = new String[args.length + 3];
        full[0] = "sub";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "-s";
        full[args.length + 2] = server.url();
        Running sub = HermodRun.start(full);
        sub.awaitOutput(r -> r.err().contains("Subscribing on"));
        return sub;
    }

    @Test
    void subPrintsSubjectHeadersAndBodyOfWhatPubSends() {
        Running sub = subscribe("orders.*", "--count", "2");
        Result pub = HermodRun.run("pub", "orders.new", "first order", "-H", "priority:high",
                "-s", server.url());
        assertEquals(ExitCodes.OK, pub.exitCode(), pub::toString);
        assertEquals("Published 11 bytes to \"orders.new\"\n", pub.out());
        Result fromStdin = HermodRun.runWithInput("from stdin", "pub", "orders.old", "-s", server.url());
        assertEquals(ExitCodes.OK, fromStdin.exitCode(), fromStdin::toString);

        Result received = sub.await();
        assertEquals(ExitCodes.OK, received.exitCode(), received::toString);
        assertEquals("""
                [#1] Received on "orders.new"
                priority: high

                first order

                [#2] Received on "orders.old"

                from stdin

                """, received.out());
    }

    @Test
    void countFillsThePlaceholderAndRawPrintsOnlyBodies() {
        Running sub = subscribe("seq", "--count", "3", "--raw");
        Result pub = HermodRun.run("pub", "seq", "msg {{Count}}", "--count", "3", "-s", server.url());
        assertEquals(ExitCodes.OK, pub.exitCode(), pub::toString);
        assertEquals("Published 3 messages (15 B) to \"seq\"\n", pub.out());
        assertEquals("msg 1\nmsg 2\nmsg 3\n", sub.await().out());
    }

    @Test
    void jsonPrintsOneDocumentPerMessageAndHeadersOnlyHidesTheBody() throws Exception {
        Running json = subscribe("doc", "--count", "1", "--json");
        Running headersOnly = subscribe("doc", "--count", "1", "--headers-only");
        HermodRun.run("pub", "doc", "{{ Count }} body", "-H", "k:v", "--reply", "answer.here", "-s", server.url());

        JsonNode doc = new ObjectMapper().readTree(json.await().out());
        assertEquals("doc", doc.get("subject").asText());
        assertEquals("answer.here", doc.get("reply").asText());
        assertEquals("v", doc.at("/headers/k/0").asText());
        assertEquals("1 body", doc.get("data").asText());
        assertEquals("[#1] Received on \"doc\" with reply \"answer.here\"\nk: v\n\n", headersOnly.await().out());
    }

    @Test
    void queueMembersShareTheMessagesAndALostServerEndsTheSubscriberAsAConnectionFailure() throws Exception {
        Running member = subscribe("work", "--queue", "workers", "--raw");
        AtomicInteger otherMember = new AtomicInteger();
        try (Connection nc = Nats.connect(new Options.Builder().server(server.url()).maxReconnects(0).build())) {
            nc.createDispatcher(m -> otherMember.incrementAndGet()).subscribe("work", "workers");
            nc.flush(Duration.ofSeconds(5));
            for (int i = 0; i < 40; i++) {
                nc.publish("work", ("job" + i).getBytes());
            }
            nc.flush(Duration.ofSeconds(5));
            member.awaitOutput(r -> r.out().lines().count() + otherMember.get() >= 40);
            assertEquals(40, member.out().lines().count() + otherMember.get(), "each job went to one member only");
        }
        server.close();
        Result ended = member.await();
        assertEquals(ExitCodes.CONNECTION, ended.exitCode(), ended::toString);
        assertTrue(ended.err().contains("hermod: the connection to the server was lost"), ended::toString);
    }

    @Test
    void largeCountsShowAProgressBarOnStderr() {
        Result pub = HermodRun.run("pub", "bulk", "x", "--count", "1500", "-s", server.url());
        assertEquals(ExitCodes.OK, pub.exitCode(), pub::toString);
        assertEquals("Published 1500 messages (1.5 KiB) to \"bulk\"\n", pub.out());
        assertTrue(pub.err().contains("1,500/1,500"), pub::toString);
    }

    @Test
    void anUnreachableServerExitsWithTheConnectionCodeAndNoStackTrace() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Result pub = HermodRun.run("pub", "x", "y", "-s", "nats://127.0.0.1:" + port, "--timeout", "2s");
        assertEquals(ExitCodes.CONNECTION, pub.exitCode(), pub::toString);
        assertTrue(pub.err().startsWith("hermod: cannot connect to nats://127.0.0.1:" + port), pub::toString);
        assertFalse(pub.err().contains("\tat "), pub::toString);
        assertEquals("", pub.out());
    }

    @Test
    void malformedHeadersAndCountsAreUsageErrors() {
        Result header = HermodRun.run("pub", "x", "y", "-H", "novalue", "-s", server.url());
        assertEquals(ExitCodes.USAGE, header.exitCode(), header::toString);
        assertTrue(header.err().contains("invalid header \"novalue\": use -H key:value"), header::toString);
        assertEquals(ExitCodes.USAGE, HermodRun.run("pub", "x", "y", "--count", "0", "-s", server.url()).exitCode());
        assertEquals(ExitCodes.USAGE, HermodRun.run("sub").exitCode());
    }

    @Test
    void everyMessagingCommandHasExamplesInItsHelp() {
        for (String command : new String[] {"pub", "sub", "req", "reply"}) {
            Result help = HermodRun.run(command, "--help");
            assertEquals(ExitCodes.OK, help.exitCode(), help::toString);
            assertTrue(help.out().contains("Examples:"), help::toString);
            assertTrue(help.out().contains("--server"), help::toString);
        }
    }
}
