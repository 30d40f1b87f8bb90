package io.hermod.cli.jetstream;

import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.output.JsonOutput;
import io.hermod.cli.client.output.Table;
import io.nats.client.api.ConsumerInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hermod consumer ls}: a stream's consumers, as names or a table. */
@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true, description = "List a stream's consumers.",
        footer = {"", "Examples:", "  hermod consumer ls ORDERS", "  hermod consumer ls ORDERS --names"})
final class ConsumerLsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STREAM", description = "Stream name")
    String stream;

    @Option(names = {"-n", "--names"}, description = "Only the names, one a line")
    boolean namesOnly;

    @Mixin
    JsonOutput json;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (JetStreamSession session = JetStreamSession.open(connection)) {
            if (namesOnly) {
                List<String> names = session.management().getConsumerNames(stream).stream().sorted().toList();
                json.printNames(out, names);
                return ExitCodes.OK;
            }
            List<ConsumerInfo> consumers = session.consumersByName(stream);
            InfoListing.print(out, json, consumers, "No consumers defined on stream " + stream,
                    Table.titled("Consumers of stream " + stream, "Name", "Description", "Created", "Ack Pending",
                            "Unprocessed", "Last Delivery"),
                    (table, c) -> table.row(c.getName(), c.getConsumerConfiguration().getDescription(),
                            ShownMessage.formatTime(c.getCreationTime()), c.getNumAckPending(), c.getNumPending(),
                            Activity.since(c.getDelivered() == null ? null : c.getDelivered().getLastActive())));
        }
        return ExitCodes.OK;
    }
}
