package io.hermod.cli.jetstream;

import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.output.JsonOutput;
import io.hermod.cli.client.output.Table;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code hermod consumer report}: every consumer of a stream in one table, to spot the ones falling behind. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "A table of a stream's consumers: mode, ack pending, redelivered, unprocessed, last delivery.",
        footer = {"", "Examples:", "  hermod consumer report ORDERS"})
final class ConsumerReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STREAM", description = "Stream name")
    String stream;

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
            List<ConsumerInfo> consumers = session.consumersByName(stream);
            if (json.enabled()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (ConsumerInfo c : consumers) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("consumer", c.getName());
                    row.put("mode", mode(c.getConsumerConfiguration()));
                    row.put("ack_policy", c.getConsumerConfiguration().getAckPolicy().toString());
                    row.put("ack_pending", c.getNumAckPending());
                    row.put("redelivered", c.getRedelivered());
                    row.put("unprocessed", c.getNumPending());
                    row.put("waiting", c.getNumWaiting());
                    row.put("ack_floor_stream_seq", c.getAckFloor() == null ? 0 : c.getAckFloor().getStreamSequence());
                    rows.add(row);
                }
                JsonOutput.print(out, rows);
                return ExitCodes.OK;
            }
            if (consumers.isEmpty()) {
                out.println("No consumers defined on stream " + stream);
                out.flush();
                return ExitCodes.OK;
            }
            Table table = Table.titled("Consumer report for stream " + stream, "Consumer", "Mode", "Ack Policy",
                    "Ack Pending", "Redelivered", "Unprocessed", "Waiting", "Last Delivery");
            for (ConsumerInfo c : consumers) {
                table.row(c.getName(), mode(c.getConsumerConfiguration()), c.getConsumerConfiguration().getAckPolicy(),
                        c.getNumAckPending(), c.getRedelivered(), c.getNumPending(), c.getNumWaiting(),
                        Activity.since(c.getDelivered() == null ? null : c.getDelivered().getLastActive()));
            }
            table.print(out);
        }
        return ExitCodes.OK;
    }

    private static String mode(ConsumerConfiguration c) {
        return c.getDeliverSubject() == null ? "pull" : "push";
    }
}
