package io.hermod.cli.client.context;

import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.TraceOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code hermod context rm NAME}: deletes a saved context (and the selection, if it was the selected one). */
@Command(name = "rm", aliases = "remove",
        mixinStandardHelpOptions = true,
        description = "Delete a saved context.",
        footer = {"", "Examples:", "  hermod context rm old"})
public final class ContextRemoveCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The context to delete.")
    private String name;

    @Mixin
    private TraceOption trace;

    @Override
    public Integer call() {
        ContextStore.forUser().remove(name);
        spec.commandLine().getOut().println("Removed context \"" + name + "\"");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
