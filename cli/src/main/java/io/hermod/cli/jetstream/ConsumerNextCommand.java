package io.hermod.cli.jetstream;

import io.hermod.cli.client.CommandFailure;
import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.output.DurationConverter;
import io.hermod.cli.client.output.HumanDuration;
import io.hermod.cli.client.output.JsonOutput;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code hermod consumer next}: fetches messages through a pull consumer and acknowledges each (waiting for the
 * server to confirm, so an acknowledged message is never delivered again), or leaves them unacknowledged so they
 * come back after the consumer's ack wait.
 */
@Command(name = "next", mixinStandardHelpOptions = true,
        description = "Fetch messages through a pull consumer, print them with their delivery metadata, and "
                + "acknowledge them (unless --no-ack).",
        footer = {"", "Examples:",
                "  hermod consumer next ORDERS processor",
                "  hermod consumer next ORDERS processor --count 10 --no-ack",
                "  hermod consumer next ORDERS processor --count 100 --json"})
final class ConsumerNextCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STREAM", description = "Stream name")
    String stream;

    @Parameters(index = "1", paramLabel = "CONSUMER", description = "Consumer name")
    String name;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1",
            description = "How many messages to fetch (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--no-ack", description = "Do not acknowledge: the messages are redelivered after the ack wait")
    boolean noAck;

    @Option(names = "--wait", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "5s",
            description = "How long to wait for the messages (default: ${DEFAULT-VALUE})")
    Duration wait;

    @Mixin
    JsonOutput json;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (count < 1) {
            throw new CommandFailure(ExitCodes.USAGE, "--count must be 1 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (JetStreamSession session = JetStreamSession.open(connection)) {
            // Looked up first so that a missing stream or consumer is reported as NATS words it.
            session.management().getConsumerInfo(stream, name);
            JetStreamSubscription sub = session.jetStream().subscribe(null, PullSubscribeOptions.bind(stream, name));
            List<Message> messages = sub.fetch(count, wait);
            for (Message m : messages) {
                boolean acked = false;
                if (!noAck) {
                    m.ackSync(session.timeout());
                    acked = true;
                }
                print(out, ShownMessage.delivered(m), acked);
            }
            out.flush();
            if (messages.isEmpty()) {
                throw CommandFailure.failed("no message received from consumer " + stream + " > " + name
                        + " within " + HumanDuration.format(wait));
            }
        }
        return ExitCodes.OK;
    }

    private void print(PrintWriter out, ShownMessage m, boolean acked) {
        if (json.enabled()) {
            Map<String, Object> doc = m.toJson();
            doc.put("acked", acked);
            JsonOutput.printLine(out, doc);
            return;
        }
        ShownMessage.Delivery d = m.delivery();
        out.println("[" + ShownMessage.formatTime(m.time()) + "] subject: " + m.subject() + " / delivered: "
                + d.deliveredCount() + " / consumer seq: " + d.consumerSeq() + " / stream seq: " + m.seq()
                + " / pending: " + d.pending());
        out.println();
        m.printHeadersAndBody(out);
        out.println();
        out.println(acked ? "Acknowledged message " + m.seq() : "Not acknowledged: redelivered after the ack wait");
        out.println();
    }
}
