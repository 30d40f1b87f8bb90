package io.hermod.cli.jetstream;

import picocli.CommandLine.Command;

/** {@code hermod stream}: groups the stream subcommands. */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = "Manage JetStream streams: add, edit, inspect, purge and read their messages.",
        subcommands = {StreamAddCommand.class, StreamEditCommand.class, StreamInfoCommand.class,
                StreamLsCommand.class, StreamRmCommand.class, StreamPurgeCommand.class, StreamGetCommand.class,
                StreamRmmCommand.class, StreamViewCommand.class, StreamReportCommand.class},
        footer = {"", "Examples:",
                "  hermod stream add --config data/stream-orders.json",
                "  hermod stream add ORDERS --subjects 'orders.>' --max-age 7d --storage file",
                "  hermod stream edit ORDERS --max-age 30d --dry-run",
                "  hermod stream view ORDERS --since 1h",
                "  hermod stream report"})
public final class StreamCommand {
}
