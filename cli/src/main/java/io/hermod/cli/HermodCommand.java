package io.hermod.cli;

import io.hermod.cli.bench.BenchCommand;
import io.hermod.cli.store.StoreCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code hermod} command: it only groups the subcommands. */
@Command(name = "hermod",
        mixinStandardHelpOptions = true,
        versionProvider = HermodVersion.class,
        description = "A persistent streaming message broker that speaks the NATS protocol.",
        subcommands = {CommandLine.HelpCommand.class, ServerCommand.class, BenchCommand.class, StoreCommand.class},
        footer = {"", "Examples:",
                "  hermod server                 start the broker on 0.0.0.0:4222",
                "  hermod server -p 4333 -js     another port, with JetStream",
                "  hermod bench demo -n 100000   measure publish and subscribe",
                "  hermod store verify           check the store offline (server stopped)"})
public final class HermodCommand {

    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new HermodCommand());
        // A user sees the reason, not a stack trace.
        cmd.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("hermod: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 1;
        });
        return cmd;
    }
}
