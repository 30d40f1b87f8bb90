package io.hermod.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lean command line {@code hermod server} starts with reads exactly like the full one. */
class ServerCommandLineTest {

    @Test
    void aPlainServerStartGetsTheServerCommandWithoutItsClientSubcommands() {
        CommandLine lean = HermodCommand.commandLineFor("server", "-js", "-p", "4333");
        assertEquals(Set.of("server"), lean.getSubcommands().keySet());
        assertTrue(lean.getSubcommands().get("server").getSubcommands().isEmpty());
        CommandLine full = HermodCommand.commandLine();
        assertEquals(Set.of("check", "info"), full.getSubcommands().get("server").getSubcommands().keySet());
    }

    @Test
    void helpAndTheServerSubcommandsGetTheFullCommandLine() {
        for (String[] args : new String[][] {{"server", "--help"}, {"server", "-h"}, {"server", "-Dh"},
                {"server", "check", "-s", "nats://127.0.0.1:1"}, {"server", "info"}, {"pub", "a", "b"}, {}}) {
            CommandLine line = HermodCommand.commandLineFor(args);
            assertTrue(line.getSubcommands().containsKey("stream"), String.join(" ", args));
        }
    }

    @Test
    void rejectedArgumentsAreReportedAsTheFullCommandLineReportsThem() {
        for (String[] args : new String[][] {{"server", "--bogus"}, {"server", "-p", "not-a-port"},
                {"server", "extra"}, {"server", "-js", "--max_payload"}}) {
            Printed lean = execute(HermodCommand.commandLineFor(args), args);
            Printed full = execute(HermodCommand.commandLine(), args);
            assertEquals(full, lean, String.join(" ", args));
            assertEquals(CommandLine.ExitCode.USAGE, lean.exitCode());
            assertTrue(lean.err().contains("Commands:") && lean.err().contains("check"), lean.err());
        }
    }

    @Test
    void theServerUsageListsItsSubcommands() {
        Printed help = execute(HermodCommand.commandLineFor("server", "--help"), "server", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("Usage: hermod server"), help.out());
        assertTrue(help.out().contains("check") && help.out().contains("info"), help.out());
        assertFalse(help.out().isEmpty());
    }

    private record Printed(int exitCode, String out, String err) {
    }

    private static Printed execute(CommandLine line, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int code = line.execute(args);
        return new Printed(code, out.toString(), err.toString());
    }
}
