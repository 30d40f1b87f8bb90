package io.hermod.cli.jetstream;

import io.hermod.cli.client.CommandFailure;
import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.output.JsonOutput;
import io.nats.client.api.MessageInfo;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code hermod stream get}: one stored message, by sequence or as the last on a subject. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Show one message of a stream with its headers: by --seq, or the last on --last-for SUBJECT.",
        footer = {"", "Examples:", "  hermod stream get ORDERS --seq 3",
                "  hermod stream get ORDERS --last-for orders.created --json"})
final class StreamGetCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STREAM", description = "Stream name")
    String name;

    static final class Which {
        @Option(names = "--seq", paramLabel = "N", required = true, description = "The message's sequence")
        Long seq;

        @Option(names = "--last-for", paramLabel = "SUBJECT", required = true,
                description = "The newest message on this subject")
        String lastFor;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Mixin
    JsonOutput json;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (which.seq != null && which.seq < 1) {
            throw new CommandFailure(ExitCodes.USAGE, "--seq must be 1 or more");
        }
        try (JetStreamSession session = JetStreamSession.open(connection)) {
            MessageInfo info = which.seq != null ? session.management().getMessage(name, which.seq)
                    : session.management().getLastMessage(name, which.lastFor);
            ShownMessage m = ShownMessage.of(name, info);
            PrintWriter out = spec.commandLine().getOut();
            if (json.enabled()) {
                JsonOutput.print(out, m.toJson());
                return ExitCodes.OK;
            }
            out.println("Item: " + name + "#" + m.seq() + " received " + ShownMessage.formatTime(m.time())
                    + " on subject " + m.subject());
            out.println();
            if (m.headers() != null && !m.headers().isEmpty()) {
                out.println("Headers:");
            }
            m.printHeadersAndBody(out);
            out.flush();
        }
        return ExitCodes.OK;
    }
}
