package io.hermod.cli.store;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hermod store}: offline tools for a store directory, used while the server is stopped. */
@Command(name = "store",
        description = {"Check, repair and inspect a store directory offline.",
            "Stop the server first: these commands refuse a store that a running server holds."},
        subcommands = {CommandLine.HelpCommand.class, StoreVerifyCommand.class, StoreDumpCommand.class},
        footer = {"", "Examples:",
            "  hermod store verify -sd data/store     check logs, indexes, consumers",
            "  hermod store verify --repair           rebuild damaged indexes",
            "  hermod store dump                      list the streams",
            "  hermod store dump --stream ORDERS --count 20"})
public final class StoreCommand {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;
}
