package io.hermod.cli.jetstream;

import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code hermod consumer rm}: deletes a consumer and its delivery state. */
@Command(name = "rm", aliases = "delete", mixinStandardHelpOptions = true,
        description = "Delete a consumer and its delivery state.",
        footer = {"", "Examples:", "  hermod consumer rm ORDERS processor -f"})
final class ConsumerRmCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STREAM", description = "Stream name")
    String stream;

    @Parameters(index = "1", paramLabel = "CONSUMER", description = "Consumer name")
    String name;

    @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation")
    boolean force;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (JetStreamSession session = JetStreamSession.open(connection)) {
            session.management().getConsumerInfo(stream, name);
            Confirmation.confirm(force, "Really delete consumer " + stream + " > " + name + "?");
            session.management().deleteConsumer(stream, name);
            spec.commandLine().getOut().println("Deleted consumer " + stream + " > " + name);
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
