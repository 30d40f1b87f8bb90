package io.hermod.cli.jetstream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

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

    @Mixin
    DestructiveAction destroy;

    @Override
    public Integer call() throws Exception {
        return destroy.run(session -> session.management().getConsumerInfo(stream, name),
                "Really delete consumer " + stream + " > " + name + "?",
                (session, info) -> session.management().deleteConsumer(stream, name),
                "Deleted consumer " + stream + " > " + name);
    }
}
