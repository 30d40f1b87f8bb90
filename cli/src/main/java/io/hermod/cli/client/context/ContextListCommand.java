package io.hermod.cli.client.context;

import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.TraceOption;
import io.hermod.cli.client.output.JsonOutput;
import io.hermod.cli.client.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code hermod context ls}: the saved contexts, the selected one marked. */
@Command(name = "ls", aliases = "list",
        mixinStandardHelpOptions = true,
        description = "List the saved contexts; the selected one is marked with *.",
        footer = {"", "Examples:", "  hermod context ls", "  hermod context ls --json"})
public final class ContextListCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private JsonOutput json;

    @Mixin
    private TraceOption trace;

    @Override
    public Integer call() {
        ContextStore store = ContextStore.forUser();
        Optional<String> selected = store.selectedName();
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled()) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (String name : store.names()) {
                ClientContext context = store.load(name);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", name);
                entry.put("selected", selected.filter(name::equals).isPresent());
                entry.put("url", context.url());
                entry.put("description", context.description());
                entries.add(entry);
            }
            JsonOutput.print(out, entries);
            return ExitCodes.OK;
        }
        if (store.names().isEmpty()) {
            out.println("No contexts saved in " + store.directory().resolve("context")
                    + " (add one with: hermod context add NAME -s URL)");
            out.flush();
            return ExitCodes.OK;
        }
        Table table = Table.withHeaders("NAME", "URL", "DESCRIPTION");
        for (String name : store.names()) {
            ClientContext context = store.load(name);
            table.row(selected.filter(name::equals).isPresent() ? name + " *" : name,
                    context.url() == null ? "(default)" : context.url(), context.description());
        }
        table.print(out);
        return ExitCodes.OK;
    }
}
