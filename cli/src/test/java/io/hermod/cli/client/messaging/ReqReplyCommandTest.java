package io.hermod.cli.client.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermod.cli.client.CliServer;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.HermodRun.Result;
import io.hermod.cli.client.HermodRun.Running;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReqReplyCommandTest {
    @RegisterExtension
    final CliServer cli = CliServer.core();

    private Running responder(String... args) {
        Running reply = cli.start(CliServer.command("reply", args));
        reply.awaitOutput(r -> r.err().contains("Listening on"));
        return reply;
    }

    private Result request(String... args) {
        return cli.run(CliServer.command("req", args));
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
        Result reply = cli.runWithInput("shout this", "req", "upper", "-", "--raw");
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
        try (Connection nc = cli.connect()) {
            nc.subscribe("silent");
            nc.flush(Duration.ofSeconds(5));
            Result reply = request("silent", "anyone?", "--timeout", "300ms");
            assertEquals(ExitCodes.FAILURE, reply.exitCode(), reply::toString);
            assertEquals("hermod: no reply on \"silent\" within 300ms\n", reply.err());
        }
    }

    @Test
    void bodyAndCommandTogetherIsAUsageError() {
        Result both = cli.run("reply", "x", "body", "--command", "cat");
        assertEquals(ExitCodes.USAGE, both.exitCode(), both::toString);
        assertTrue(both.err().contains("give either BODY or --command, not both"), both::toString);
    }
}
