package io.hermod.cli.kv;

import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.output.JsonOutput;
import io.hermod.cli.jetstream.JetStreamSession;
import io.nats.client.KeyValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hermod kv keys}: the keys that currently hold a value. */
@Command(name = "keys", aliases = "ls-keys", mixinStandardHelpOptions = true,
        description = "List the keys that hold a value (deleted and purged keys are left out).",
        footer = {"", "Examples:", "  hermod kv keys CONFIG", "  hermod kv keys CONFIG 'db.>'"})
final class KvKeysCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUCKET", description = "Bucket name")
    String bucket;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILTER", description = "Only keys matching this (default: >)")
    String filter;

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
            List<String> keys = KvArguments.checked(() -> filter == null ? kv.keys() : kv.keys(filter)).stream()
                    .sorted().toList();
            if (json.enabled()) {
                JsonOutput.print(out, keys);
            } else if (keys.isEmpty()) {
                out.println("No keys in bucket " + bucket);
            } else {
                keys.forEach(out::println);
            }
            out.flush();
        }
        return ExitCodes.OK;
    }
}
