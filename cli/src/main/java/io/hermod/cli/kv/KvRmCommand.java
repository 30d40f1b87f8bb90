package io.hermod.cli.kv;

import io.hermod.cli.jetstream.DestructiveAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code hermod kv rm}: deletes a bucket with all its keys. */
@Command(name = "rm", mixinStandardHelpOptions = true, description = "Delete a bucket and all its keys.",
        footer = {"", "Examples:", "  hermod kv rm CONFIG -f"})
final class KvRmCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUCKET", description = "Bucket name")
    String bucket;

    @Mixin
    DestructiveAction destroy;

    @Override
    public Integer call() throws Exception {
        return destroy.run(session -> session.connection().keyValueManagement().getStatus(bucket),
                "Really delete bucket " + bucket + "?",
                (session, status) -> session.connection().keyValueManagement().delete(bucket),
                "Deleted bucket " + bucket);
    }
}
