package io.hermod.cli.jetstream;

import io.hermod.cli.client.CommandFailure;
import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.nats.client.api.StreamConfiguration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code hermod stream edit}: shows how the configuration would change, then changes it. */
@Command(name = "edit", mixinStandardHelpOptions = true,
        description = "Change a stream's configuration: prints the differences (-current +new), then applies them.",
        footer = {"", "Examples:",
                "  hermod stream edit ORDERS --max-age 30d --dry-run",
                "  hermod stream edit ORDERS --config data/stream-orders.json"})
final class StreamEditCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STREAM", description = "Stream name")
    String name;

    @Mixin
    EditFlags edit;

    @Mixin
    StreamConfigFlags flags;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (JetStreamSession session = JetStreamSession.open(connection)) {
            StreamConfiguration current = session.management().getStreamInfo(name).getConfiguration();
            StreamConfiguration.Builder b;
            if (edit.config == null) {
                b = StreamConfiguration.builder(current);
            } else {
                StreamConfiguration fromFile = ConfigFile.stream(edit.config, spec.commandLine().getErr());
                if (fromFile.getName() != null && !fromFile.getName().isEmpty() && !fromFile.getName().equals(name)) {
                    throw new CommandFailure(ExitCodes.USAGE, edit.config + " configures stream " + fromFile.getName()
                            + ", not " + name);
                }
                b = StreamConfiguration.builder(fromFile).name(name);
            }
            StreamConfiguration wanted = ConfigFile.build(flags.applyTo(b));
            ConfigEdit.run(out, "stream", name, current.toJson(), wanted.toJson(), edit.dryRun,
                    () -> session.management().updateStream(wanted));
        }
        return ExitCodes.OK;
    }
}
