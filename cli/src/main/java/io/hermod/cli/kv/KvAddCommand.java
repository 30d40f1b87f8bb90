package io.hermod.cli.kv;

import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.output.JsonOutput;
import io.hermod.cli.jetstream.DurationWithDaysConverter;
import io.hermod.cli.jetstream.JetStreamSession;
import io.hermod.cli.jetstream.SizeConverter;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.StorageType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code hermod kv add}: creates a bucket. */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Create a key-value bucket.",
        footer = {"", "Examples:", "  hermod kv add CONFIG --history 5 --ttl 1d"})
final class KvAddCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUCKET", description = "Bucket name")
    String bucket;

    @Option(names = "--history", paramLabel = "N", defaultValue = "1",
            description = "Values kept per key (default: ${DEFAULT-VALUE}, at most 64)")
    int history;

    @Option(names = "--ttl", paramLabel = "DURATION", converter = DurationWithDaysConverter.class,
            description = "How long a value lives (default: forever)")
    Duration ttl;

    @Option(names = "--max-value-size", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Largest value accepted")
    Long maxValueSize;

    @Option(names = "--max-bucket-size", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Most bytes the bucket holds")
    Long maxBucketSize;

    @Option(names = "--storage", paramLabel = "TYPE", defaultValue = "file", description = "file or memory")
    String storage;

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "1", description = "Replicas")
    int replicas;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the bucket is for")
    String description;

    @Mixin
    JsonOutput json;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        KeyValueConfiguration.Builder b = KeyValueConfiguration.builder().name(bucket).maxHistoryPerKey(history)
                .replicas(replicas)
                .storageType(storage.equalsIgnoreCase("memory") ? StorageType.Memory : StorageType.File);
        if (ttl != null) {
            b.ttl(ttl);
        }
        if (maxValueSize != null) {
            b.maxValueSize(maxValueSize);
        }
        if (maxBucketSize != null) {
            b.maxBucketSize(maxBucketSize);
        }
        if (description != null) {
            b.description(description);
        }
        KeyValueConfiguration config = KvArguments.build(b);
        try (JetStreamSession session = JetStreamSession.open(connection)) {
            KeyValueStatus status = session.connection().keyValueManagement().create(config);
            KvStatusView.print(spec.commandLine().getOut(), status, json.enabled());
        }
        return ExitCodes.OK;
    }
}
