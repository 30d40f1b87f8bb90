package io.hermod.cli.kv;

import io.hermod.cli.client.CommandFailure;
import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.output.JsonOutput;
import io.hermod.cli.client.output.Table;
import io.hermod.cli.jetstream.JetStreamSession;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hermod kv history}: every revision the bucket still holds for a key. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Show the revisions kept for a key.",
        footer = {"", "Examples:", "  hermod kv history CONFIG db.url"})
final class KvHistoryCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUCKET", description = "Bucket name")
    String bucket;

    @Parameters(index = "1", paramLabel = "KEY", description = "Key")
    String key;

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
            KeyValue kv = KvBuckets.open(session, bucket);
            List<KeyValueEntry> history = KvArguments.checked(() -> kv.history(key));
            if (history.isEmpty()) {
                throw CommandFailure.notFound("key not found: " + bucket + " > " + key);
            }
            if (json.enabled()) {
                JsonOutput.print(out, history.stream().map(KvEntryView::toJson).toList());
                return ExitCodes.OK;
            }
            Table table = Table.titled("History for " + bucket + " > " + key, "Revision", "Operation", "Created",
                    "Length", "Value");
            for (KeyValueEntry e : history) {
                table.row(e.getRevision(), e.getOperation().name(), KvEntryView.time(e), e.getDataLen(),
                        KvEntryView.value(e));
            }
            table.print(out);
        }
        return ExitCodes.OK;
    }
}
