package io.hermod.cli;

import io.hermod.cli.bench.BenchCommand;
import io.hermod.cli.client.ClientErrorHandler;
import io.hermod.cli.client.CompletionCommand;
import io.hermod.cli.client.context.ContextCommand;
import io.hermod.cli.client.server.ServerCheckCommand;
import io.hermod.cli.client.server.ServerInfoCommand;
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
        CommandLine server = cmd.getSubcommands().get("server");
        server.addSubcommand(new ServerCheckCommand());
        server.addSubcommand(new ServerInfoCommand());
        return finish(cmd);
    }

    /**
     * The command line for running {@code args}. Picocli builds every subcommand it is given by reflection, which
     * took about a quarter of a CPU-second of each server start; so a plain {@code hermod server ...} gets a
     * command line holding the server command alone, without its client subcommands. Whatever could show the
     * difference gets the full command line: a help flag or a subcommand's name among the arguments, and any
     * argument the lean line rejects (the full one then reports it, with the same usage text as always).
     */
    public static CommandLine commandLineFor(String... args) {
        if (!runsServerOnly(args)) {
            return commandLine();
        }
        CommandLine lean = finish(new CommandLine(new ServerOnly()));
        lean.setParameterExceptionHandler((rejected, again) -> {
            CommandLine full = commandLine();
            full.setOut(lean.getOut());
            full.setErr(lean.getErr());
            return full.execute(again);
        });
        return lean;
    }

    private static boolean runsServerOnly(String[] args) {
        if (args.length == 0 || !"server".equals(args[0])) {
            return false;
        }
        for (String arg : args) {
            // -h alone or in a cluster of short options (-Dh); a value that merely holds an h only costs time
            boolean help = arg.equals("--help") || arg.startsWith("-") && !arg.startsWith("--") && arg.indexOf('h') > 0;
            if (help || arg.equals("check") || arg.equals("info")) {
                return false;
            }
        }
        return true;
    }

    private static CommandLine finish(CommandLine cmd) {
        cmd.setExecutionExceptionHandler(new ClientErrorHandler());
        giveSubcommandsTheVersion(cmd);
        return cmd;
    }

    /** {@code hermod} with only its {@code server} subcommand (see {@link #commandLineFor}). */
    @Command(name = "hermod", mixinStandardHelpOptions = true, versionProvider = HermodVersion.class,
            subcommands = ServerCommand.class)
    static final class ServerOnly {
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
