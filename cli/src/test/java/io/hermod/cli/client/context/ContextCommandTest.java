package io.hermod.cli.client.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermod.cli.client.ConfigDir;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.HermodRun;
import io.hermod.cli.client.HermodRun.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContextCommandTest {
    @TempDir
    Path dir;
    private ConfigDir config;

    @BeforeEach
    void pointConfigAtTempDir() {
        config = ConfigDir.at(dir);
    }

    @AfterEach
    void restoreConfig() {
        config.close();
    }

    @Test
    void addSelectAndInfoRoundTripThroughTheConfigDirectory() throws Exception {
        Result add = HermodRun.run("context", "add", "local", "-s", "nats://127.0.0.1:4333", "--user", "app",
                "--password", "s3cret", "--description", "my laptop", "--timeout", "2s");
        assertEquals(ExitCodes.OK, add.exitCode(), add::toString);
        assertTrue(Files.isRegularFile(dir.resolve("context/local.json")));
        // It holds a password: only its owner may read it.
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("context/local.json"))));

        assertEquals("No context is selected\n", HermodRun.run("context", "select").out());
        Result select = HermodRun.run("context", "select", "local");
        assertEquals(ExitCodes.OK, select.exitCode(), select::toString);
        assertEquals("local", Files.readString(dir.resolve("context.txt")).trim());
        assertEquals("Selected context: local\n", HermodRun.run("context", "select").out());

        Result info = HermodRun.run("context", "info");
        assertEquals(ExitCodes.OK, info.exitCode(), info::toString);
        assertTrue(info.out().contains("Context local (selected):"), info::toString);
        assertTrue(info.out().contains("Server URL: nats://127.0.0.1:4333"), info::toString);
        assertTrue(info.out().contains("Password: ********"), info::toString);
        assertFalse(info.out().contains("s3cret"), info::toString);

        JsonNode json = new ObjectMapper().readTree(HermodRun.run("context", "info", "local", "--json").out());
        assertEquals("local", json.get("name").asText());
        assertTrue(json.get("selected").asBoolean());
        assertEquals("app", json.at("/context/user").asText());
        assertEquals("2000ms", json.at("/context/timeout").asText());
        assertEquals("********", json.at("/context/password").asText());
    }

    @Test
    void lsMarksTheSelectedContextInTheTableAndInJson() throws Exception {
        HermodRun.run("context", "add", "b", "-s", "nats://b:4222", "--select");
        HermodRun.run("context", "add", "a", "-s", "nats://a:4222", "--description", "first");

        Result ls = HermodRun.run("context", "ls");
        assertEquals(ExitCodes.OK, ls.exitCode(), ls::toString);
        assertEquals("""
                NAME  URL            DESCRIPTION
                ----  -------------  -----------
                a     nats://a:4222  first
                b *   nats://b:4222
                """, ls.out());

        JsonNode json = new ObjectMapper().readTree(HermodRun.run("context", "ls", "--json").out());
        assertEquals(2, json.size());
        assertEquals("a", json.get(0).get("name").asText());
        assertFalse(json.get(0).get("selected").asBoolean());
        assertTrue(json.get(1).get("selected").asBoolean());
    }

    @Test
    void rmDeletesTheContextAndItsSelection() {
        HermodRun.run("context", "add", "gone", "-s", "nats://x:1", "--select");
        Result rm = HermodRun.run("context", "rm", "gone");
        assertEquals(ExitCodes.OK, rm.exitCode(), rm::toString);
        assertFalse(Files.exists(dir.resolve("context/gone.json")));
        assertEquals("No context is selected\n", HermodRun.run("context", "select").out());
    }

    @Test
    void unknownContextsExitAsNotFoundWithoutAStackTrace() {
        for (String[] args : new String[][] {{"context", "select", "nope"}, {"context", "rm", "nope"},
                {"context", "info", "nope"}}) {
            Result result = HermodRun.run(args);
            assertEquals(ExitCodes.NOT_FOUND, result.exitCode(), result::toString);
            assertEquals("hermod: unknown context \"nope\"\n", result.err());
        }
    }

    @Test
    void traceAddsTheStackTrace() {
        Result result = HermodRun.run("context", "info", "nope", "--trace");
        assertEquals(ExitCodes.NOT_FOUND, result.exitCode(), result::toString);
        assertTrue(result.err().contains("at io.hermod.cli.client.context.ContextStore"), result::toString);
    }

    @Test
    void addRefusesToReplaceUnlessForced() {
        HermodRun.run("context", "add", "one", "-s", "nats://a:1");
        Result again = HermodRun.run("context", "add", "one", "-s", "nats://b:2");
        assertEquals(ExitCodes.FAILURE, again.exitCode(), again::toString);
        assertTrue(again.err().contains("already exists"), again::toString);
        assertEquals(ExitCodes.OK, HermodRun.run("context", "add", "one", "-s", "nats://b:2", "--force").exitCode());
        assertTrue(HermodRun.run("context", "ls").out().contains("nats://b:2"));
    }

    @Test
    void contextWithoutASubcommandIsAUsageErrorThatListsThem() {
        Result result = HermodRun.run("context");
        assertEquals(ExitCodes.USAGE, result.exitCode(), result::toString);
        assertTrue(result.err().contains("Missing required subcommand"), result::toString);
        assertTrue(result.err().contains("select"), result::toString);
    }

    @Test
    void badNamesAndBadDurationsAreUsageErrors() {
        assertEquals(ExitCodes.USAGE, HermodRun.run("context", "add", "../escape", "-s", "nats://a:1").exitCode());
        Result badTimeout = HermodRun.run("context", "add", "x", "--timeout", "5 parsecs");
        assertEquals(ExitCodes.USAGE, badTimeout.exitCode(), badTimeout::toString);
        assertTrue(badTimeout.err().contains("--timeout"), badTimeout::toString);
    }
}
