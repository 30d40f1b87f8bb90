package io.hermod.cli.kv;

import io.hermod.cli.jetstream.DestructiveAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

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

    @Mixin
    DestructiveAction destroy;

    @Override
    public Integer call() throws Exception {
        return destroy.run(session -> KvBuckets.open(session, bucket),
                "Really purge " + bucket + " > " + key + " and its history?",
                (session, kv) -> KvArguments.checked(() -> {
                    kv.purge(key);
                    return null;
                }),
                "Purged " + bucket + " > " + key);
    }
}
