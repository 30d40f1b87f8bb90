package io.hermod.cli.client.messaging;

import io.hermod.cli.client.CommandFailure;
import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.output.HumanBytes;
import io.hermod.cli.client.output.ProgressBar;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.NatsMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** {@code hermod pub SUBJECT [BODY]}: publishes one message or {@code --count} of them, optionally to JetStream. */
@Command(name = "pub",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Publish a message. Without BODY (or with -), the body is read from stdin.",
                "With --jetstream each message waits for the stream's acknowledgement (PubAck), which is printed."},
        footer = {"", "Examples:",
                "  hermod pub orders.new 'first order'",
                "  hermod pub orders.new -H Nats-Msg-Id:o-1 -H priority:high '{\"id\":1}'",
                "  hermod pub orders.new --count 1000 'order {{Count}}'",
                "                                  bodies 'order 1' .. 'order 1000'",
                "  hermod pub orders.new --jetstream 'stored?'",
                "                                  waits for the PubAck: prints stream, sequence",
                "  cat order.json | hermod pub orders.new"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:published (and acknowledged, with --jetstream)", "1:failure (the server's description is printed)",
                "2:bad usage", "3:the server could not be reached", "5:--jetstream and no stream listens on SUBJECT"})
public final class PubCommand implements Callable<Integer> {
    /** From this many messages on, a progress bar runs on stderr and --jetstream acks are summarised. */
    static final long PROGRESS_FROM = 1000;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUBJECT", description = "The subject to publish on.")
    private String subject;

    @Parameters(index = "1", arity = "0..1", paramLabel = "BODY",
            description = "The body; may contain {{Count}} (the message's number). Absent or -: read stdin.")
    private String body;

    @Mixin
    private HeaderFlags headers;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "Publish N messages (default: 1).")
    private long count;

    @Option(names = {"-J", "--jetstream"}, description = "Wait for each message's PubAck from the stream and print it.")
    private boolean jetstream;

    @Option(names = "--reply", paramLabel = "SUBJECT", description = "Reply subject to send with the message.")
    private String reply;

    @Mixin
    private ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        if (count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, not " + count);
        }
        String template = new String(BodySource.read(body, spec.commandLine().getErr()), StandardCharsets.UTF_8);
        boolean templated = CountTemplate.has(template);
        byte[] fixed = template.getBytes(StandardCharsets.UTF_8);
        headers.build(1); // a malformed -H fails before anything is sent
        PrintWriter out = spec.commandLine().getOut();
        AtomicLong sent = new AtomicLong();
        long bytes = 0;
        try (Connection nc = connection.connect();
             ProgressBar bar = ProgressBar.start(count >= PROGRESS_FROM ? spec.commandLine().getErr() : null,
                     "published", count, sent::get)) {
            JetStream js = jetstream ? nc.jetStream(connection.jetStreamOptions()) : null;
            AckSummary acks = new AckSummary();
            for (long n = 1; n <= count; n++) {
                byte[] data = templated ? CountTemplate.apply(template, n).getBytes(StandardCharsets.UTF_8) : fixed;
                NatsMessage message = NatsMessage.builder().subject(subject).replyTo(reply).headers(headers.build(n))
                        .data(data).build();
                if (js != null) {
                    PublishAck ack = publishToStream(js, message);
                    if (count < PROGRESS_FROM) {
                        out.println("Stored in stream " + ack.getStream() + " at sequence " + ack.getSeqno()
                                + (ack.isDuplicate() ? " (duplicate)" : ""));
                        out.flush();
                    }
                    acks.add(ack);
                } else {
                    nc.publish(message);
                }
                bytes += data.length;
                sent.incrementAndGet();
            }
            flush(nc);
            bar.close();
            printSummary(out, bytes, acks);
        }
        return ExitCodes.OK;
    }

    private PublishAck publishToStream(JetStream js, NatsMessage message) throws JetStreamApiException {
        try {
            return js.publish(message);
        } catch (IOException e) {
            String text = String.valueOf(e.getMessage());
            if (text.contains("503") || text.toLowerCase(Locale.ROOT).contains("no responders")) {
                throw new CommandFailure(ExitCodes.NO_RESPONDERS,
                        "no stream listens on subject \"" + subject + "\" (no responders)", e);
            }
            throw CommandFailure.failed("publish to stream failed: " + text);
        }
    }

    /** Everything sent has reached the server before we say so and disconnect. */
    private void flush(Connection nc) throws InterruptedException {
        try {
            nc.flush(connection.timeout());
        } catch (TimeoutException e) {
            throw CommandFailure.failed("the server did not confirm the messages within " + connection.timeout());
        }
    }

    private void printSummary(PrintWriter out, long bytes, AckSummary acks) {
        if (jetstream) {
            if (count >= PROGRESS_FROM) {
                out.println("Stored " + count + " messages in " + acks.describe());
            }
        } else if (count == 1) {
            out.println("Published " + bytes + " bytes to \"" + subject + "\"");
        } else {
            out.println("Published " + count + " messages (" + HumanBytes.format(bytes) + ") to \"" + subject + "\"");
        }
        out.flush();
    }

    /** The streams and sequence range that a run's PubAcks named, for the summary of a large --count. */
    private static final class AckSummary {
        private final Set<String> streams = new TreeSet<>();
        private long first = Long.MAX_VALUE;
        private long last;
        private long duplicates;

        void add(PublishAck ack) {
            streams.add(ack.getStream());
            first = Math.min(first, ack.getSeqno());
            last = Math.max(last, ack.getSeqno());
            if (ack.isDuplicate()) {
                duplicates++;
            }
        }

        String describe() {
            return "stream " + String.join(", ", streams) + ", sequences " + first + ".." + last
                    + (duplicates > 0 ? " (" + duplicates + " duplicates)" : "");
        }
    }
}
