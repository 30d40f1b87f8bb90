package io.hermod.cli.client;

import io.hermod.cli.HermodCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class HelpExamplesTest {
    @Test
    void everyCommandsHelpHasExamples() {
        List<String> without = new ArrayList<>();
        List<String> visited = new ArrayList<>();
        collect(HermodCommand.commandLine(), without, visited);
        assertFalse(visited.isEmpty());
        assertEquals(List.of(), without, "commands whose --help shows no examples");
    }

    @Test
    void theClientCommandsExamplesFitAnEightyColumnTerminal() {
        List<String> tooLong = new ArrayList<>();
        for (String command : new String[] {"pub", "sub", "req", "reply", "context", "completion"}) {
            walk(HermodCommand.commandLine().getSubcommands().get(command), tooLong);
        }
        for (String command : new String[] {"check", "info"}) {
            walk(HermodCommand.commandLine().getSubcommands().get("server").getSubcommands().get(command), tooLong);
        }
        assertEquals(List.of(), tooLong);
    }

    @Test
    void subcommandsPrintHermodsVersion() {
        HermodRun.Result version = HermodRun.run("pub", "--version");
        assertEquals(ExitCodes.OK, version.exitCode(), version::toString);
        assertEquals(HermodRun.run("--version").out(), version.out());
    }

    private static void walk(CommandLine line, List<String> tooLong) {
        for (String footerLine : line.getCommandSpec().usageMessage().footer()) {
            if (footerLine.length() > 80) {
                tooLong.add(line.getCommandSpec().qualifiedName() + ": " + footerLine);
            }
        }
        line.getSubcommands().values().stream().distinct().forEach(sub -> walk(sub, tooLong));
    }

    private static void collect(CommandLine line, List<String> without, List<String> visited) {
        String name = line.getCommandSpec().qualifiedName();
        if (!(line.getCommand() instanceof CommandLine.HelpCommand)) {
            visited.add(name);
            if (!line.getUsageMessage().contains("Examples:")) {
                without.add(name);
            }
        }
        // Aliases map to the same command: visit each once.
        line.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, without, visited));
    }
}
