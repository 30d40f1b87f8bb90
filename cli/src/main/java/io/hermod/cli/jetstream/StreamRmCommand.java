package io.hermod.cli.jetstream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code hermod stream rm}: deletes a stream with its messages and consumers. */
@Command(name = "rm", aliases = "delete", mixinStandardHelpOptions = true,
        description = "Delete a stream, its messages and its consumers.",
        footer = {"", "Examples:", "  hermod stream rm ORDERS -f"})
final class StreamRmCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STREAM", description = "Stream name")
    String name;

    @Mixin
    DestructiveAction destroy;

    @Override
    public Integer call() throws Exception {
        return destroy.run(session -> session.management().getStreamInfo(name), "Really delete stream " + name + "?",
                (session, info) -> session.management().deleteStream(name), "Deleted stream " + name);
    }
}
