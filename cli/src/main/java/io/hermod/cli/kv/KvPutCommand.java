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

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code hermod kv put}: stores a value (from the argument, or standard input when there is none). */
@Command(name = "put", mixinStandardHelpOptions = true,
        description = "Store a value for a key; without VALUE it is read from standard input.",
        footer = {"", "Examples:", "  hermod kv put CONFIG db.url postgres://db:5432",
                "  hermod kv put CONFIG tls.cert < cert.pem"})
final class KvPutCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUCKET", description = "Bucket name")
    String bucket;

    @Parameters(index = "1", paramLabel = "KEY", description = "Key")
    String key;

    @Parameters(index = "2", arity = "0..1", paramLabel = "VALUE", description = "Value (default: standard input)")
    String value;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        byte[] bytes = value != null ? value.getBytes(StandardCharsets.UTF_8) : System.in.readAllBytes();
        try (JetStreamSession session = JetStreamSession.open(connection)) {
            KeyValue kv = KvBuckets.open(session, bucket);
            long revision = KvArguments.checked(() -> kv.put(key, bytes));
            spec.commandLine().getOut().println(bucket + " > " + key + " revision " + revision);
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
