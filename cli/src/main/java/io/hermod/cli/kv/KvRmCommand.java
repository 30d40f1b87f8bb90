package io.hermod.cli.kv;

import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.jetstream.Confirmation;
import io.hermod.cli.jetstream.JetStreamSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code hermod kv rm}: deletes a bucket with all its keys. */
@Command(name = "rm", mixinStandardHelpOptions = true, description = "Delete a bucket and all its keys.",
        footer = {"", "Examples:", "  hermod kv rm CONFIG -f"})
final class KvRmCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUCKET", description = "Bucket name")
    String bucket;

    @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation")
    boolean force;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (JetStreamSession session = JetStreamSession.open(connection)) {
            session.connection().keyValueManagement().getStatus(bucket);
            Confirmation.confirm(force, "Really delete bucket " + bucket + "?");
            session.connection().keyValueManagement().delete(bucket);
            spec.commandLine().getOut().println("Deleted bucket " + bucket);
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
