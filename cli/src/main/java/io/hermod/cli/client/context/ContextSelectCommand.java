package io.hermod.cli.client.context;

import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.TraceOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code hermod context select [NAME]}: makes a context the default one, or shows which is. */
@Command(name = "select",
        mixinStandardHelpOptions = true,
        description = "Make a context the one client commands use by default; without NAME, show the selected one.",
        footer = {"", "Examples:", "  hermod context select prod", "  hermod context select"})
public final class ContextSelectCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The context to select.")
    private String name;

    @Mixin
    private TraceOption trace;

    @Override
    public Integer call() {
        ContextStore store = ContextStore.forUser();
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            out.println(store.selectedName().map(n -> "Selected context: " + n).orElse("No context is selected"));
        } else {
            store.select(name);
            out.println("Selected context \"" + name + "\"");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
