package io.hermod.cli.jetstream;

import io.hermod.cli.client.CommandFailure;
import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.output.JsonOutput;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code hermod consumer add}: creates a durable consumer from flags, a NATS consumer config file, or both. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Create a durable consumer from flags or from a JSON file in NATS's consumer configuration "
                + "format.",
        footer = {"", "Examples:",
                "  hermod consumer add ORDERS --config data/consumer-orders-processor.json",
                "  hermod consumer add ORDERS audit --filter 'orders.>' --ack explicit --wait 30s"})
final class ConsumerAddCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STREAM", description = "Stream name")
    String stream;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CONSUMER",
            description = "Durable name (default: durable_name in --config)")
    String name;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Consumer configuration in NATS's JSON format; flags override its fields")
    Path config;

    @Mixin
    ConsumerConfigFlags flags;

    @Mixin
    JsonOutput json;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ConsumerConfiguration.Builder b = config == null ? ConsumerConfiguration.builder()
                : ConsumerConfiguration.builder(ConfigFile.consumer(config, spec.commandLine().getErr()));
        if (name != null) {
            b.durable(name);
        }
        ConsumerConfiguration wanted = ConfigFile.build(flags.applyTo(b, Clock.systemUTC()));
        if (wanted.getDurable() == null || wanted.getDurable().isEmpty()) {
            throw new CommandFailure(ExitCodes.USAGE,
                    "a consumer name is needed: give CONSUMER or a --config with a durable_name");
        }
        try (JetStreamSession session = JetStreamSession.open(connection)) {
            ConsumerInfo info = session.management().addOrUpdateConsumer(stream, wanted);
            if (json.enabled()) {
                ServerJson.print(spec.commandLine().getOut(), info);
            } else {
                spec.commandLine().getOut().println("Consumer " + stream + " > " + info.getName() + " created");
                spec.commandLine().getOut().println();
                ConsumerInfoView.print(spec.commandLine().getOut(), info);
            }
        }
        return ExitCodes.OK;
    }
}
