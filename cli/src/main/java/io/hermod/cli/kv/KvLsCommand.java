package io.hermod.cli.kv;

import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.output.HumanBytes;
import io.hermod.cli.client.output.JsonOutput;
import io.hermod.cli.client.output.Table;
import io.hermod.cli.jetstream.JetStreamSession;
import io.nats.client.api.KeyValueStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hermod kv ls}: the buckets, as names or a table; with a bucket name, that bucket's details. */
@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true, description = "List the key-value buckets.",
        footer = {"", "Examples:", "  hermod kv ls", "  hermod kv ls --names"})
final class KvLsCommand implements Callable<Integer> {
    @Option(names = {"-n", "--names"}, description = "Only the names, one a line")
    boolean namesOnly;

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
            List<KeyValueStatus> buckets = session.connection().keyValueManagement().getStatuses().stream()
                    .sorted(Comparator.comparing(KeyValueStatus::getBucketName)).toList();
            if (namesOnly) {
                List<String> names = buckets.stream().map(KeyValueStatus::getBucketName).toList();
                json.printNames(out, names);
                return ExitCodes.OK;
            }
            if (json.enabled()) {
                JsonOutput.print(out, buckets.stream().map(KvStatusView::toJson).toList());
                return ExitCodes.OK;
            }
            if (buckets.isEmpty()) {
                out.println("No key-value buckets defined");
                out.flush();
                return ExitCodes.OK;
            }
            Table table = Table.titled("Key-value buckets", "Bucket", "Description", "Values", "Size", "History");
            for (KeyValueStatus b : buckets) {
                table.row(b.getBucketName(), b.getDescription(), b.getEntryCount(), HumanBytes.format(b.getByteCount()),
                        b.getMaxHistoryPerKey());
            }
            table.print(out);
        }
        return ExitCodes.OK;
    }
}
