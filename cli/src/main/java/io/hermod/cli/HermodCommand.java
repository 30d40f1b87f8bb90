package io.hermod.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code hermod} command: it only groups the subcommands. */
@Command(name = "hermod",
        mixinStandardHelpOptions = true,
        versionProvider = HermodVersion.class,
        description = "A persistent streaming message broker that speaks the NATS protocol.",
        subcommands = {CommandLine.HelpCommand.class, io.hermod.cli.bench.BenchCommand.class},
        footer = {"", "Examples:",
                "  hermod server                 start the broker on 0.0.0.0:4222",
                "  hermod server -p 4333 -js     another port, with JetStream",
                "  hermod bench demo -n 100000   measure publish and subscribe"})
public final class HermodCommand {

    public static CommandLine commandLine() {
        return new CommandLine(new HermodCommand());
    }
}
