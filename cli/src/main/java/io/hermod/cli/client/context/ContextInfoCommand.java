package io.hermod.cli.client.context;

import io.hermod.cli.client.CommandFailure;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.TraceOption;
import io.hermod.cli.client.output.JsonOutput;
import io.hermod.cli.client.output.KeyValueTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code hermod context info [NAME]}: one context's settings, secrets masked. */
@Command(name = "info", aliases = "show",
        mixinStandardHelpOptions = true,
        description = "Show a context's settings (the selected one without NAME); passwords and tokens are masked.",
        footer = {"", "Examples:", "  hermod context info prod", "  hermod context info --json"})
public final class ContextInfoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The context to show.")
    private String name;

    @Mixin
    private JsonOutput json;

    @Mixin
    private TraceOption trace;

    @Override
    public Integer call() {
        ContextStore store = ContextStore.forUser();
        String shown = name != null ? name : store.selectedName()
                .orElseThrow(() -> CommandFailure.notFound("no context is selected (name one, or: hermod context select NAME)"));
        ClientContext context = store.load(shown).masked();
        boolean selected = store.selectedName().filter(shown::equals).isPresent();
        if (json.enabled()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", shown);
            out.put("selected", selected);
            out.put("context", context);
            JsonOutput.print(spec.commandLine().getOut(), out);
            return ExitCodes.OK;
        }
        new KeyValueTable().section("Context " + shown + (selected ? " (selected)" : ""))
                .add("Description", context.description())
                .add("Server URL", context.url() == null ? "(default)" : context.url())
                .add("User", context.user())
                .add("Password", context.password())
                .add("Token", context.token())
                .add("NKey seed file", context.nkey())
                .add("TLS certificate", context.cert())
                .add("TLS key", context.key())
                .add("TLS CA", context.ca())
                .add("Timeout", context.timeout())
                .add("File", store.directory().resolve("context").resolve(shown + ".json"))
                .print(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
