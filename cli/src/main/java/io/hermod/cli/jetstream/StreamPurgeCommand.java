package io.hermod.cli.jetstream;

import io.hermod.cli.client.CommandFailure;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.output.JsonOutput;
import io.nats.client.PurgeOptions;
import io.nats.client.api.PurgeResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code hermod stream purge}: removes messages, all or those of a subject, below a sequence, or all but the last. */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = "Remove a stream's messages: all, or those on --subject, below --seq, or all but --keep.",
        footer = {"", "Examples:",
                "  hermod stream purge ORDERS -f",
                "  hermod stream purge ORDERS --subject orders.cancelled --keep 10 -f"})
final class StreamPurgeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STREAM", description = "Stream name")
    String name;

    @Option(names = "--subject", paramLabel = "SUBJECT", description = "Only messages on this subject")
    String subject;

    @Option(names = "--seq", paramLabel = "N", description = "Only messages below this sequence")
    Long seq;

    @Option(names = "--keep", paramLabel = "N", description = "Keep the newest N messages")
    Long keep;

    @Mixin
    DestructiveAction destroy;

    @Mixin
    JsonOutput json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PurgeOptions options = subject == null && seq == null && keep == null ? null : options();
        PurgeResponse response = destroy.confirmed(session -> session.management().getStreamInfo(name),
                "Really purge stream " + name + "?",
                (session, info) -> options == null ? session.management().purgeStream(name)
                        : session.management().purgeStream(name, options));
        if (json.enabled()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("stream", name);
            result.put("success", response.isSuccess());
            result.put("purged", response.getPurged());
            JsonOutput.print(spec.commandLine().getOut(), result);
        } else {
            spec.commandLine().getOut().println("Purged " + response.getPurged() + " messages from stream " + name);
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }

    private PurgeOptions options() {
        PurgeOptions.Builder b = PurgeOptions.builder();
        if (subject != null) {
            b.subject(subject);
        }
        if (seq != null) {
            b.sequence(seq);
        }
        if (keep != null) {
            b.keep(keep);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCodes.USAGE, e.getMessage());
        }
    }
}
