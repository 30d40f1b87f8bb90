package io.hermod.cli.jetstream;

import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.output.JsonOutput;
import io.nats.client.api.ConsumerInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code hermod consumer info}: a consumer's configuration and state. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Show a consumer's configuration and state.",
        footer = {"", "Examples:", "  hermod consumer info ORDERS processor --json"})
final class ConsumerInfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STREAM", description = "Stream name")
    String stream;

    @Parameters(index = "1", paramLabel = "CONSUMER", description = "Consumer name")
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
            ConsumerInfo info = session.management().getConsumerInfo(stream, name);
            if (json.enabled()) {
                ServerJson.print(spec.commandLine().getOut(), info);
            } else {
                ConsumerInfoView.print(spec.commandLine().getOut(), info);
            }
        }
        return ExitCodes.OK;
    }
}
