package io.hermod.cli.jetstream;

import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.output.JsonOutput;
import io.nats.client.api.StreamInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code hermod stream info}: a stream's configuration and state. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Show a stream's configuration and state.",
        footer = {"", "Examples:", "  hermod stream info ORDERS", "  hermod stream info ORDERS --json"})
final class StreamInfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STREAM", description = "Stream name")
    String name;

    @Mixin
    JsonOutput json;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (JetStreamSession session = JetStreamSession.open(connection)) {
            StreamInfo info = session.management().getStreamInfo(name);
            if (json.enabled()) {
                ServerJson.print(spec.commandLine().getOut(), info);
            } else {
                StreamInfoView.print(spec.commandLine().getOut(), info);
            }
        }
        return ExitCodes.OK;
    }
}
