package io.hermod.cli;

import io.hermod.cli.bench.BenchCommand;
import io.hermod.cli.client.ClientErrorHandler;
import io.hermod.cli.client.CompletionCommand;
import io.hermod.cli.client.context.ContextCommand;
import io.hermod.cli.client.messaging.PubCommand;
import io.hermod.cli.client.messaging.ReplyCommand;
import io.hermod.cli.client.messaging.ReqCommand;
import io.hermod.cli.client.messaging.SubCommand;
import io.hermod.cli.jetstream.ConsumerCommand;
import io.hermod.cli.jetstream.StreamCommand;
import io.hermod.cli.kv.KvCommand;
import io.hermod.cli.store.StoreCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code hermod} command: it only groups the subcommands. */
@Command(name = "hermod",
        mixinStandardHelpOptions = true,
        versionProvider = HermodVersion.class,
        description = "A persistent streaming message broker that speaks the NATS protocol.",
        subcommands = {CommandLine.HelpCommand.class, ServerCommand.class, BenchCommand.class,
                PubCommand.class, SubCommand.class, ReqCommand.class, ReplyCommand.class,
                StreamCommand.class, ConsumerCommand.class, KvCommand.class,
                ContextCommand.class, StoreCommand.class, CompletionCommand.class},
        footer = {"", "Examples:",
                "  hermod server                 start the broker on 0.0.0.0:4222",
                "  hermod server -p 4333 -js     another port, with JetStream",
                "  hermod bench demo -n 100000   measure publish and subscribe",
                "  hermod sub 'orders.>'         print what is published on orders.*",
                "  hermod pub orders.new hello   publish a message",
                "  hermod server check           probe a server for monitoring",
                "  hermod store verify           check the store offline (server stopped)",
                "  hermod context add local -s nats://127.0.0.1:4222 --select",
                "  source <(hermod completion)   shell completion"})
public final class HermodCommand {

    /** The command line as {@code hermod} runs it: failures print one line (see {@link ClientErrorHandler}). */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new HermodCommand());
        cmd.setExecutionExceptionHandler(new ClientErrorHandler());
        giveSubcommandsTheVersion(cmd);
        return cmd;
    }

    /** So that {@code -V} on any subcommand prints Hermod's version, not an empty line. */
    private static void giveSubcommandsTheVersion(CommandLine line) {
        for (CommandLine sub : line.getSubcommands().values()) {
            if (sub.getCommandSpec().versionProvider() == null && sub.getCommandSpec().version().length == 0) {
                sub.getCommandSpec().versionProvider(new HermodVersion());
            }
            giveSubcommandsTheVersion(sub);
        }
    }
}
