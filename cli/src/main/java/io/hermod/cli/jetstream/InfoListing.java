package io.hermod.cli.jetstream;

import io.hermod.cli.client.output.JsonOutput;
import io.hermod.cli.client.output.Table;
import io.nats.client.api.ApiResponse;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * How the {@code ls} commands print the infos the server listed: its JSON with {@code --json}, else a line saying
 * there are none, else a table of one row per info.
 */
final class InfoListing {
    private InfoListing() {
    }

    static <T extends ApiResponse<?>> void print(PrintWriter out, JsonOutput json, List<T> infos, String none,
                                                 Table table, BiConsumer<Table, T> row) {
        if (json.enabled()) {
            ServerJson.print(out, infos);
            return;
        }
        if (infos.isEmpty()) {
            out.println(none);
            out.flush();
            return;
        }
        for (T info : infos) {
            row.accept(table, info);
        }
        table.print(out);
    }
}
