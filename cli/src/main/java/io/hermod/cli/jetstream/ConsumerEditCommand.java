package io.hermod.cli.jetstream;

import io.hermod.cli.client.CommandFailure;
import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.nats.client.api.ConsumerConfiguration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code hermod consumer edit}: shows how the configuration would change, then changes it. */
@Command(name = "edit", mixinStandardHelpOptions = true,
        description = "Change a consumer's configuration: prints the differences (-current +new), then applies them.",
        footer = {"", "Examples:",
                "  hermod consumer edit ORDERS processor --max-deliver 10 --dry-run",
                "  hermod consumer edit ORDERS processor --config data/consumer-orders-processor.json"})
final class ConsumerEditCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STREAM", description = "Stream name")
    String stream;

    @Parameters(index = "1", paramLabel = "CONSUMER", description = "Consumer name")
    String name;

    @Mixin
    EditFlags edit;

    @Mixin
    ConsumerConfigFlags flags;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (JetStreamSession session = JetStreamSession.open(connection)) {
            ConsumerConfiguration current = session.management().getConsumerInfo(stream, name)
                    .getConsumerConfiguration();
            ConsumerConfiguration.Builder b;
            if (edit.config == null) {
                b = ConsumerConfiguration.builder(current);
            } else {
                ConsumerConfiguration fromFile = ConfigFile.consumer(edit.config, spec.commandLine().getErr());
                String fileName = fromFile.getDurable() != null ? fromFile.getDurable() : fromFile.getName();
                if (fileName != null && !fileName.isEmpty() && !fileName.equals(name)) {
                    throw new CommandFailure(ExitCodes.USAGE, edit.config + " configures consumer " + fileName
                            + ", not " + name);
                }
                b = ConsumerConfiguration.builder(fromFile).durable(current.getDurable()).name(current.getName());
            }
            ConsumerConfiguration wanted = ConfigFile.build(flags.applyTo(b, Clock.systemUTC()));
            ConfigEdit.run(out, "consumer", stream + " > " + name, current.toJson(), wanted.toJson(), edit.dryRun,
                    () -> session.management().addOrUpdateConsumer(stream, wanted));
        }
        return ExitCodes.OK;
    }
}
