package io.hermod.cli.jetstream;

import io.hermod.cli.client.CommandFailure;
import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.output.JsonOutput;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code hermod stream view}: pages through a stream's messages with their headers. On a terminal it asks before
 * each further page; otherwise (a pipe, a script) it prints one page and says where the next one starts.
 */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = "Page through a stream's messages with their headers.",
        footer = {"", "On a terminal, asks before each further page; otherwise prints one page and says how to get "
                + "the next.", "", "Examples:",
                "  hermod stream view ORDERS",
                "  hermod stream view ORDERS --since 1h --count 50",
                "  hermod stream view ORDERS --start-seq 100 --subject orders.created --json"})
final class StreamViewCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STREAM", description = "Stream name")
    String name;

    @Option(names = "--start-seq", paramLabel = "N", description = "Start at this sequence")
    Long startSeq;

    @Option(names = "--since", paramLabel = "DURATION", converter = DurationWithDaysConverter.class,
            description = "Start with the messages stored this long ago, e.g. 1h")
    Duration since;

    @Option(names = {"--count", "--page"}, paramLabel = "N", defaultValue = "10",
            description = "Messages per page (default: ${DEFAULT-VALUE})")
    int pageSize;

    @Option(names = "--subject", paramLabel = "SUBJECT", defaultValue = ">",
            description = "Only messages on this subject (wildcards allowed)")
    String subject;

    @Mixin
    JsonOutput json;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (startSeq != null && since != null) {
            throw new CommandFailure(ExitCodes.USAGE, "--start-seq and --since cannot be used together");
        }
        if (pageSize < 1) {
            throw new CommandFailure(ExitCodes.USAGE, "--count must be 1 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        Console console = System.console();
        try (JetStreamSession session = JetStreamSession.open(connection)) {
            StreamState state = session.management().getStreamInfo(name).getStreamState();
            MessageCursor cursor = new MessageCursor(session.management(), name, subject);
            long next = startSeq != null ? startSeq : since != null
                    ? cursor.firstSequenceSince(Instant.now().minus(since), state.getFirstSequence(),
                    state.getLastSequence())
                    : state.getFirstSequence();
            while (true) {
                int shown = 0;
                Optional<MessageInfo> m = Optional.empty();
                while (shown < pageSize && (m = cursor.atOrAfter(next)).isPresent()) {
                    print(out, ShownMessage.of(name, m.get()));
                    next = m.get().getSeq() + 1;
                    shown++;
                }
                out.flush();
                boolean more = shown == pageSize && cursor.atOrAfter(next).isPresent();
                if (shown == 0 && !json.enabled()) {
                    out.println("No messages in stream " + name + (next > 1 ? " from sequence " + next : ""));
                    out.flush();
                }
                if (!more) {
                    return ExitCodes.OK;
                }
                if (console == null || json.enabled()) {
                    spec.commandLine().getErr().println("More messages follow: add --start-seq " + next
                            + " for the next page");
                    spec.commandLine().getErr().flush();
                    return ExitCodes.OK;
                }
                String answer = console.readLine("Next page? [Y/n] ");
                if (answer == null || answer.trim().toLowerCase().startsWith("n")) {
                    return ExitCodes.OK;
                }
            }
        }
    }

    private void print(PrintWriter out, ShownMessage m) {
        if (json.enabled()) {
            JsonOutput.printLine(out, m.toJson());
            return;
        }
        out.println("[" + m.seq() + "] Subject: " + m.subject() + " Received: " + ShownMessage.formatTime(m.time()));
        out.println();
        m.printHeadersAndBody(out);
        out.println();
    }
}
