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

/** {@code hermod stream rm}: deletes a stream with its messages and consumers. */
@Command(name = "rm", aliases = "delete", mixinStandardHelpOptions = true,
        description = "Delete a stream, its messages and its consumers.",
        footer = {"", "Examples:", "  hermod stream rm ORDERS -f"})
final class StreamRmCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STREAM", description = "Stream name")
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
            // Looked up first, so a missing stream is reported as such before anyone is asked anything.
            session.management().getStreamInfo(name);
            Confirmation.confirm(force, "Really delete stream " + name + "?");
            session.management().deleteStream(name);
            spec.commandLine().getOut().println("Deleted stream " + name);
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
