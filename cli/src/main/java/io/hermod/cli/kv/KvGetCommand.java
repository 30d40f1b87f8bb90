package io.hermod.cli.kv;

import io.hermod.cli.client.CommandFailure;
import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.output.JsonOutput;
import io.hermod.cli.jetstream.JetStreamSession;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code hermod kv get}: a key's value, its latest or a given revision. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Show a key's value.",
        footer = {"", "Examples:", "  hermod kv get CONFIG db.url", "  hermod kv get CONFIG db.url --raw",
                "  hermod kv get CONFIG db.url --revision 3 --json"})
final class KvGetCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUCKET", description = "Bucket name")
    String bucket;

    @Parameters(index = "1", paramLabel = "KEY", description = "Key")
    String key;

    @Option(names = "--revision", paramLabel = "N", description = "This revision instead of the latest")
    Long revision;

    @Option(names = "--raw", description = "Only the value, as stored")
    boolean raw;

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
            KeyValueEntry e = KvArguments.checked(() -> revision == null ? kv.get(key) : kv.get(key, revision));
            if (e == null) {
                throw CommandFailure.notFound("key not found: " + bucket + " > " + key
                        + (revision == null ? "" : " revision " + revision));
            }
            if (json.enabled()) {
                JsonOutput.print(out, KvEntryView.toJson(e));
            } else if (raw) {
                out.print(KvEntryView.value(e));
                out.flush();
            } else {
                out.println(bucket + " > " + key + " revision: " + e.getRevision() + " created @ "
                        + KvEntryView.time(e));
                out.println();
                out.println(KvEntryView.value(e));
                out.flush();
            }
        }
        return ExitCodes.OK;
    }
}
