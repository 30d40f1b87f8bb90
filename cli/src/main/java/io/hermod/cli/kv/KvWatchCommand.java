package io.hermod.cli.kv;

import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.output.JsonOutput;
import io.hermod.cli.jetstream.JetStreamSession;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueWatchOption;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Callable;

/**
 * {@code hermod kv watch}: prints each key's latest value, then every change as it happens, until interrupted or
 * {@code --count} changes were printed.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Print the latest value of each key, then every change as it happens (Ctrl-C to stop).",
        footer = {"", "Examples:", "  hermod kv watch CONFIG", "  hermod kv watch CONFIG 'db.>' --updates-only",
                "  hermod kv watch CONFIG --count 10 --json"})
final class KvWatchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUCKET", description = "Bucket name")
    String bucket;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILTER", defaultValue = ">",
            description = "Only keys matching this (default: >)")
    String filter;

    @Option(names = "--updates-only", description = "Skip the current values: only changes from now on")
    boolean updatesOnly;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N entries")
    Long count;

    @Mixin
    JsonOutput json;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BlockingQueue<KeyValueEntry> entries = new LinkedBlockingQueue<>();
        try (JetStreamSession session = JetStreamSession.open(connection)) {
            KeyValue kv = KvBuckets.open(session, bucket);
            KeyValueWatcher watcher = new KeyValueWatcher() {
                @Override
                public void watch(KeyValueEntry entry) {
                    entries.add(entry);
                }

                @Override
                public void endOfData() {
                    // The current values have all arrived; changes follow.
                }
            };
            KeyValueWatchOption[] options = updatesOnly
                    ? new KeyValueWatchOption[] {KeyValueWatchOption.UPDATES_ONLY}
                    : new KeyValueWatchOption[0];
            try (NatsKeyValueWatchSubscription ignored = KvArguments.checked(() -> kv.watch(filter, watcher, options))) {
                long printed = 0;
                while (count == null || printed < count) {
                    KeyValueEntry e = entries.take();
                    if (json.enabled()) {
                        JsonOutput.printLine(out, KvEntryView.toJson(e));
                    } else {
                        out.println(KvEntryView.line(e));
                        out.flush();
                    }
                    printed++;
                }
            }
        }
        return ExitCodes.OK;
    }
}
