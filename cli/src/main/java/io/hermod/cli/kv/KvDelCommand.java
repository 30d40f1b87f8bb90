package io.hermod.cli.kv;

import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.jetstream.JetStreamSession;
import io.nats.client.KeyValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code hermod kv del}: deletes a key (a delete marker; its history stays until purged). */
@Command(name = "del", aliases = "delete", mixinStandardHelpOptions = true,
        description = "Delete a key: a delete marker is stored, the earlier values stay in its history.",
        footer = {"", "Examples:", "  hermod kv del CONFIG db.url"})
final class KvDelCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUCKET", description = "Bucket name")
    String bucket;

    @Parameters(index = "1", paramLabel = "KEY", description = "Key")
    String key;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (JetStreamSession session = JetStreamSession.open(connection)) {
            KeyValue kv = KvBuckets.open(session, bucket);
            KvArguments.checked(() -> {
                kv.delete(key);
                return null;
            });
            spec.commandLine().getOut().println("Deleted " + bucket + " > " + key);
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
