package io.hermod.cli.client;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code hermod completion}: prints picocli's bash (and zsh-compatible) completion script for every command. */
@Command(name = "completion",
        mixinStandardHelpOptions = true,
        description = "Print the bash/zsh completion script for hermod.",
        footer = {"", "Examples:",
                "  source <(hermod completion)                      completion in this shell",
                "  hermod completion > /etc/bash_completion.d/hermod  for every new shell"})
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
