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

/** {@code hermod stream rmm}: deletes one message (its content is overwritten, as NATS does by default). */
@Command(name = "rmm", mixinStandardHelpOptions = true, description = "Delete one message from a stream.",
        footer = {"", "Examples:", "  hermod stream rmm ORDERS 3 -f"})
final class StreamRmmCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STREAM", description = "Stream name")
    String name;

    @Parameters(index = "1", paramLabel = "SEQ", description = "The message's sequence")
    long seq;

    @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation")
    boolean force;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (JetStreamSession session = JetStreamSession.open(connection)) {
            session.management().getStreamInfo(name);
            Confirmation.confirm(force, "Really delete message " + seq + " of stream " + name + "?");
            session.management().deleteMessage(name, seq);
            spec.commandLine().getOut().println("Deleted message " + seq + " of stream " + name);
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
