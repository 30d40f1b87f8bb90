package io.hermod.cli.kv;

import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.jetstream.Confirmation;
import io.hermod.cli.jetstream.JetStreamSession;
import io.nats.client.KeyValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code hermod kv purge}: removes a key with its whole history (a purge marker replaces it). */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = "Remove a key and its whole history.",
        footer = {"", "Examples:", "  hermod kv purge CONFIG db.url -f"})
final class KvPurgeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUCKET", description = "Bucket name")
    String bucket;

    @Parameters(index = "1", paramLabel = "KEY", description = "Key")
    String key;

    @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation")
    boolean force;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (JetStreamSession session = JetStreamSession.open(connection)) {
            KeyValue kv = KvBuckets.open(session, bucket);
            Confirmation.confirm(force, "Really purge " + bucket + " > " + key + " and its history?");
            KvArguments.checked(() -> {
                kv.purge(key);
                return null;
            });
            spec.commandLine().getOut().println("Purged " + bucket + " > " + key);
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
