package io.hermod.cli.client.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermod.cli.client.CliServer;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.HermodRun;
import io.hermod.cli.client.HermodRun.Result;
import io.hermod.cli.client.HermodRun.Running;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PubSubCommandTest {
    @RegisterExtension
    final CliServer cli = CliServer.core();

    private Running subscribe(String... args) {
        Running sub = cli.start(CliServer.command("sub", args));
        sub.awaitOutput(r -> r.err().contains("Subscribing on"));
        return sub;
    }

    @Test
    void subPrintsSubjectHeadersAndBodyOfWhatPubSends() {
        Running sub = subscribe("orders.*", "--count", "2");
        Result pub = cli.run("pub", "orders.new", "first order", "-H", "priority:high");
        assertEquals(ExitCodes.OK, pub.exitCode(), pub::toString);
        assertEquals("Published 11 bytes to \"orders.new\"\n", pub.out());
        Result fromStdin = cli.runWithInput("from stdin", "pub", "orders.old");
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
        Result pub = cli.run("pub", "seq", "msg {{Count}}", "--count", "3");
        assertEquals(ExitCodes.OK, pub.exitCode(), pub::toString);
        assertEquals("Published 3 messages (15 B) to \"seq\"\n", pub.out());
        assertEquals("msg 1\nmsg 2\nmsg 3\n", sub.await().out());
    }

    @Test
    void jsonPrintsOneDocumentPerMessageAndHeadersOnlyHidesTheBody() throws Exception {
        Running json = subscribe("doc", "--count", "1", "--json");
        Running headersOnly = subscribe("doc", "--count", "1", "--headers-only");
        cli.run("pub", "doc", "{{ Count }} body", "-H", "k:v", "--reply", "answer.here");

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
        try (Connection nc = cli.connect()) {
            nc.createDispatcher(m -> otherMember.incrementAndGet()).subscribe("work", "workers");
            nc.flush(Duration.ofSeconds(5));
            for (int i = 0; i < 40; i++) {
                nc.publish("work", ("job" + i).getBytes());
            }
            nc.flush(Duration.ofSeconds(5));
            member.awaitOutput(r -> r.out().lines().count() + otherMember.get() >= 40);
            assertEquals(40, member.out().lines().count() + otherMember.get(), "each job went to one member only");
        }
        cli.stopServer();
        Result ended = member.await();
        assertEquals(ExitCodes.CONNECTION, ended.exitCode(), ended::toString);
        assertTrue(ended.err().contains("hermod: the connection to the server was lost"), ended::toString);
    }

    @Test
    void largeCountsShowAProgressBarOnStderr() {
        Result pub = cli.run("pub", "bulk", "x", "--count", "1500");
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
        Result header = cli.run("pub", "x", "y", "-H", "novalue");
        assertEquals(ExitCodes.USAGE, header.exitCode(), header::toString);
        assertTrue(header.err().contains("invalid header \"novalue\": use -H key:value"), header::toString);
        assertEquals(ExitCodes.USAGE, cli.run("pub", "x", "y", "--count", "0").exitCode());
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
