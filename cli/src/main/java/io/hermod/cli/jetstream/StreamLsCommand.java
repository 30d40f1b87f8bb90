package io.hermod.cli.jetstream;

import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.output.HumanBytes;
import io.hermod.cli.client.output.JsonOutput;
import io.hermod.cli.client.output.Table;
import io.nats.client.api.StreamInfo;
import io.nats.client.api.StreamState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hermod stream ls}: the streams, as names or a table. */
@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true, description = "List the streams.",
        footer = {"", "Examples:", "  hermod stream ls", "  hermod stream ls --names --subject 'orders.>'"})
final class StreamLsCommand implements Callable<Integer> {
    @Option(names = {"-n", "--names"}, description = "Only the names, one a line")
    boolean namesOnly;

    @Option(names = "--subject", paramLabel = "SUBJECT", description = "Only streams that store this subject")
    String subject;

    @Mixin
    JsonOutput json;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (JetStreamSession session = JetStreamSession.open(connection)) {
            if (namesOnly) {
                List<String> names = (subject == null ? session.management().getStreamNames()
                        : session.management().getStreamNames(subject)).stream().sorted().toList();
                json.printNames(out, names);
                return ExitCodes.OK;
            }
            List<StreamInfo> streams = session.streamsByName(subject);
            InfoListing.print(out, json, streams, "No streams defined",
                    Table.titled("Streams", "Name", "Description", "Created", "Messages", "Size", "Last Message"),
                    (table, s) -> {
                        StreamState st = s.getStreamState();
                        table.row(s.getConfiguration().getName(), s.getConfiguration().getDescription(),
                                ShownMessage.formatTime(s.getCreateTime()), st.getMsgCount(),
                                HumanBytes.format(st.getByteCount()), Activity.since(st.getLastTime()));
                    });
        }
        return ExitCodes.OK;
    }
}
