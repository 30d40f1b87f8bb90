package io.hermod.cli.jetstream;

import io.hermod.cli.client.CommandFailure;
import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.output.JsonOutput;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code hermod stream add}: creates a stream from flags, from a NATS stream config file, or both. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Create a stream from flags or from a JSON file in NATS's stream configuration format.",
        footer = {"", "Examples:",
                "  hermod stream add --config data/stream-orders.json",
                "  hermod stream add ORDERS --subjects 'orders.>' --max-age 7d --max-bytes 1GB"})
final class StreamAddCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "STREAM",
            description = "Stream name (default: the name in --config)")
    String name;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Stream configuration in NATS's JSON format; flags override its fields")
    Path config;

    @Mixin
    StreamConfigFlags flags;

    @Mixin
    JsonOutput json;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StreamConfiguration fromFile = config == null ? null : ConfigFile.stream(config, spec.commandLine().getErr());
        String streamName = name != null ? name : fromFile == null ? null : fromFile.getName();
        if (streamName == null || streamName.isEmpty()) {
            throw new CommandFailure(ExitCodes.USAGE, "a stream name is needed: give STREAM or a --config with a name");
        }
        StreamConfiguration.Builder b = fromFile == null ? StreamConfiguration.builder()
                : StreamConfiguration.builder(fromFile);
        StreamConfiguration wanted = ConfigFile.build(flags.applyTo(b.name(streamName)));
        try (JetStreamSession session = JetStreamSession.open(connection)) {
            StreamInfo info = session.management().addStream(wanted);
            if (json.enabled()) {
                ServerJson.print(spec.commandLine().getOut(), info);
            } else {
                spec.commandLine().getOut().println("Stream " + wanted.getName() + " created");
                spec.commandLine().getOut().println();
                StreamInfoView.print(spec.commandLine().getOut(), info);
            }
        }
        return ExitCodes.OK;
    }
}
