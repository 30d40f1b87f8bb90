package io.hermod.cli.jetstream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code hermod stream rmm}: deletes one message (its content is overwritten, as NATS does by default). */
@Command(name = "rmm", mixinStandardHelpOptions = true, description = "Delete one message from a stream.",
        footer = {"", "Examples:", "  hermod stream rmm ORDERS 3 -f"})
final class StreamRmmCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STREAM", description = "Stream name")
    String name;

    @Parameters(index = "1", paramLabel = "SEQ", description = "The message's sequence")
    long seq;

    @Mixin
    DestructiveAction destroy;

    @Override
    public Integer call() throws Exception {
        return destroy.run(session -> session.management().getStreamInfo(name),
                "Really delete message " + seq + " of stream " + name + "?",
                (session, info) -> session.management().deleteMessage(name, seq),
                "Deleted message " + seq + " of stream " + name);
    }
}
