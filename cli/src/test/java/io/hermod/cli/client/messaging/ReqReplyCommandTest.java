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

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReqReplyCommandTest {
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

    private Running responder(String... args) {
        String[] full = new String[args.length + 3];
        full[0] = "reply";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "-s";
        full[args.length + 2] = server.url();
        Running reply = HermodRun.start(full);
        reply.awaitOutput(r -> r.err().contains("Listening on"));
        return reply;
    }

    private Result request(String... args) {
        String[] full = new String[args.length + 3];
        full[0] = "req";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "-s";
        full[args.length + 2] = server.url();
        return HermodRun.run(full);
    }

    @Test
    void theEchoResponderReturnsBodyAndHeadersAndReqPrintsThem() {
        Running echo = responder("echo.me", "--count", "1");
        Result reply = request("echo.me", "ping", "-H", "trace-id:42");
        assertEquals(ExitCodes.OK, reply.exitCode(), reply::toString);
        assertTrue(reply.out().startsWith("[#1] Received reply on \"_INBOX."), reply::toString);
        assertTrue(reply.out().contains("(4 bytes sent, 4 received)\ntrace-id: 42\n\nping\n"), reply::toString);

        Result answered = echo.await();
        assertEquals(ExitCodes.OK, answered.exitCode(), answered::toString);
        assertEquals("[#1] Received on \"echo.me\"\ntrace-id: 42\n\nping\n\n", answered.out());
    }

    @Test
    void aFixedBodyNumbersTheRepliesAndRawPrintsOnlyTheBody() {
        Running fixed = responder("greet", "hello #{{Count}}", "--count", "2", "-H", "from:cli");
        assertEquals("hello #1\n", request("greet", "", "--raw").out());
        Result second = request("greet", "", "--json");
        assertEquals(ExitCodes.OK, second.exitCode(), second::toString);
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(second.out());
        } catch (Exception e) {
            throw new AssertionError(second.toString(), e);
        }
        assertEquals("hello #2", json.get("data").asText());
        assertEquals("cli", json.at("/headers/from/0").asText());
        assertEquals(ExitCodes.OK, fixed.await().exitCode());
    }

    @Test
    void aCommandResponderRepliesWithTheCommandsOutput() {
        Running upper = responder("upper", "--command", "tr a-z A-Z", "--count", "1");
        Result reply = HermodRun.runWithInput("shout this", "req", "upper", "-", "--raw", "-s", server.url());
        assertEquals(ExitCodes.OK, reply.exitCode(), reply::toString);
        assertEquals("SHOUT THIS\n", reply.out());
        assertEquals(ExitCodes.OK, upper.await().exitCode());
    }

    @Test
    void aFailingCommandGivesNoReplySoTheRequestTimesOut() {
        Running failing = responder("broken", "--command", "echo oops >&2; exit 3", "--count", "1");
        Result reply = request("broken", "x", "--timeout", "1s");
        assertEquals(ExitCodes.FAILURE, reply.exitCode(), reply::toString);
        assertEquals("hermod: no reply on \"broken\" within 1s\n", reply.err());
        failing.awaitOutput(r -> r.err().contains("command exited with status 3: not answered"));
        assertTrue(failing.err().contains("oops"), failing::err);
    }

    @Test
    void noRespondersIsAClearErrorWithItsOwnExitCode() {
        Result reply = request("nobody.home", "hello?");
        assertEquals(ExitCodes.NO_RESPONDERS, reply.exitCode(), reply::toString);
        assertEquals("hermod: no responders available for request on \"nobody.home\"\n", reply.err());
        assertEquals("", reply.out());
    }

    @Test
    void aSilentSubscriberMeansATimeoutNotNoResponders() throws Exception {
        try (Connection nc = Nats.connect(new Options.Builder().server(server.url()).maxReconnects(0).build())) {
            nc.subscribe("silent");
            nc.flush(Duration.ofSeconds(5));
            Result reply = request("silent", "anyone?", "--timeout", "300ms");
            assertEquals(ExitCodes.FAILURE, reply.exitCode(), reply::toString);
            assertEquals("hermod: no reply on \"silent\" within 300ms\n", reply.err());
        }
    }

    @Test
    void bodyAndCommandTogetherIsAUsageError() {
        Result both = HermodRun.run("reply", "x", "body", "--command", "cat", "-s", server.url());
        assertEquals(ExitCodes.USAGE, both.exitCode(), both::toString);
        assertTrue(both.err().contains("give either BODY or --command, not both"), both::toString);
    }
}
