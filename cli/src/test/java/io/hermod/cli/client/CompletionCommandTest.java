package io.hermod.cli.client;

import io.hermod.cli.client.HermodRun.Result;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompletionCommandTest {
    @Test
    void printsABashCompletionScriptCoveringTheSubcommandsAndTheirFlags() {
        Result result = HermodRun.run("completion");
        assertEquals(ExitCodes.OK, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("#!/usr/bin/env bash"), result::toString);
        assertTrue(result.out().contains("complete -F _complete_hermod"), result::toString);
        // Subcommands and a nested subcommand's flags are in the script.
        assertTrue(result.out().contains("context"), result::toString);
        assertTrue(result.out().contains("--description"), result::toString);
    }

    @Test
    void versionNamesHermodAndTheNatsServerItMatches() {
        Result result = HermodRun.run("--version");
        assertEquals(ExitCodes.OK, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("hermod "), result::toString);
        assertTrue(result.out().contains("nats-server"), result::toString);
    }
}
