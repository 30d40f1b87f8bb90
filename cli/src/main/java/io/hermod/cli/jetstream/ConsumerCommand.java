package io.hermod.cli.jetstream;

import picocli.CommandLine.Command;

/** {@code hermod consumer}: groups the consumer subcommands. */
@Command(name = "consumer", mixinStandardHelpOptions = true,
        description = "Manage JetStream consumers: add, edit, inspect, and fetch messages through them.",
        subcommands = {ConsumerAddCommand.class, ConsumerEditCommand.class, ConsumerInfoCommand.class,
                ConsumerLsCommand.class, ConsumerRmCommand.class, ConsumerNextCommand.class,
                ConsumerReportCommand.class},
        footer = {"", "Examples:",
                "  hermod consumer add ORDERS --config data/consumer-orders-processor.json",
                "  hermod consumer add ORDERS audit --filter 'orders.>' --ack explicit --wait 30s",
                "  hermod consumer next ORDERS processor --count 10",
                "  hermod consumer report ORDERS"})
public final class ConsumerCommand {
}
