package io.hermod.cli.client.context;

import picocli.CommandLine.Command;

/** {@code hermod context}: groups the commands that manage saved connection settings. */
@Command(name = "context",
        mixinStandardHelpOptions = true,
        description = {"Manage named connection settings (contexts), saved in $XDG_CONFIG_HOME/hermod/context/ "
                + "(default ~/.config/hermod/context/).",
                "The selected context supplies the defaults of every client command's connection flags."},
        subcommands = {ContextAddCommand.class, ContextListCommand.class, ContextSelectCommand.class,
                ContextRemoveCommand.class, ContextInfoCommand.class},
        footer = {"", "Examples:",
                "  hermod context add local -s nats://127.0.0.1:4222 --select",
                "  hermod context add prod -s tls://nats.example:4222 --tlsca ca.pem \\",
                "      --user app --password s3cret",
                "  hermod context ls",
                "  hermod context select prod",
                "  hermod pub --context local orders.new hello"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure", "2:bad usage", "4:no such context"})
public final class ContextCommand {
}
