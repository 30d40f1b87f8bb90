package io.hermod.cli.jetstream;

import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.output.HumanBytes;
import io.hermod.cli.client.output.JsonOutput;
import io.hermod.cli.client.output.Table;
import io.nats.client.api.StreamInfo;
import io.nats.client.api.StreamState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code hermod stream report}: every stream in one table, to see at a glance where the data and activity are. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "A table of all streams: storage, consumers, messages, bytes, deleted, last activity.",
        footer = {"", "Examples:", "  hermod stream report", "  hermod stream report --json"})
final class StreamReportCommand implements Callable<Integer> {
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
            List<StreamInfo> streams = session.streamsByName(null);
            if (json.enabled()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (StreamInfo s : streams) {
                    StreamState st = s.getStreamState();
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("stream", s.getConfiguration().getName());
                    row.put("storage", s.getConfiguration().getStorageType().toString());
                    row.put("consumers", st.getConsumerCount());
                    row.put("messages", st.getMsgCount());
                    row.put("bytes", st.getByteCount());
                    row.put("deleted", st.getDeletedCount());
                    row.put("first_seq", st.getFirstSequence());
                    row.put("last_seq", st.getLastSequence());
                    row.put("last_time", st.getMsgCount() == 0 && st.getLastSequence() == 0 ? null
                            : ShownMessage.formatTime(st.getLastTime()));
                    rows.add(row);
                }
                JsonOutput.print(out, rows);
                return ExitCodes.OK;
            }
            if (streams.isEmpty()) {
                out.println("No streams defined");
                out.flush();
                return ExitCodes.OK;
            }
            Table table = Table.titled("Stream Report", "Stream", "Storage", "Consumers", "Messages", "Bytes",
                    "Deleted", "Last Activity");
            for (StreamInfo s : streams) {
                StreamState st = s.getStreamState();
                table.row(s.getConfiguration().getName(), s.getConfiguration().getStorageType(),
                        st.getConsumerCount(), st.getMsgCount(), HumanBytes.format(st.getByteCount()),
                        st.getDeletedCount(), Activity.since(st.getLastSequence() == 0 ? null : st.getLastTime()));
            }
            table.print(out);
        }
        return ExitCodes.OK;
    }
}
