package io.hermod.cli.client.context;

import io.hermod.cli.client.CommandFailure;
import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code hermod context add NAME}: saves the connection flags given under a name. */
@Command(name = "add",
        mixinStandardHelpOptions = true,
        description = "Save the connection flags given as a named context (only the flags given are saved).",
        footer = {"", "Examples:",
                "  hermod context add local -s nats://127.0.0.1:4222 --select",
                "  hermod context add secure -s tls://host:4222 --tlsca ca.pem \\",
                "      --tlscert me.pem --tlskey me-key.pem",
                "  hermod context add local -s nats://127.0.0.1:4333 --force   replace it"})
public final class ContextAddCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The context's name.")
    private String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the context is for.")
    private String description;

    @Option(names = "--select", description = "Also make it the selected context.")
    private boolean select;

    @Option(names = {"-f", "--force"}, description = "Replace a context of that name.")
    private boolean force;

    @Mixin
    private ConnectionOptions connection;

    @Override
    public Integer call() {
        if (connection.contextName() != null) {
            throw new CommandFailure(ExitCodes.USAGE, "--context names a context to use, not one to add");
        }
        ContextStore store = ContextStore.forUser();
        if (store.exists(name) && !force) {
            throw CommandFailure.failed("context \"" + name + "\" already exists (--force replaces it)");
        }
        store.save(name, connection.asContext(description));
        if (select) {
            store.select(name);
        }
        spec.commandLine().getOut().println("Saved context \"" + name + "\"" + (select ? " and selected it" : "")
                + " in " + store.directory().resolve("context"));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
