package io.hermod.cli.client.messaging;

import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.nats.client.Connection;
import io.nats.client.Subscription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code hermod sub SUBJECT}: prints the messages published on a subject until {@code --count} or Ctrl-C. */
@Command(name = "sub",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Subscribe to a subject (wildcards * and > allowed) and print each message: subject, reply "
                + "subject, headers and body. Runs until --count messages arrived, or Ctrl-C.",
                "The line 'Subscribing on SUBJECT' goes to stderr once the server has the subscription."},
        footer = {"", "Examples:",
                "  hermod sub 'orders.>'                     every order subject",
                "  hermod sub orders.new --queue workers     share the messages with others",
                "  hermod sub orders.new --count 1 --raw     wait for one body, print it, exit",
                "  hermod sub orders.new --json | jq .data   one JSON document per message"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:--count messages received", "1:failure", "2:bad usage",
                "3:the server could not be reached or the connection was lost"})
public final class SubCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUBJECT", description = "The subject to subscribe to.")
    private String subject;

    @Option(names = {"-q", "--queue"}, paramLabel = "GROUP", description = "Join this queue group.")
    private String queue;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
            description = "Exit after N messages (default: 0, run until Ctrl-C).")
    private long count;

    @Mixin
    private MessageFormat format;

    @Mixin
    private ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        if (count < 0) {
            throw new ParameterException(spec.commandLine(), "--count cannot be negative");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Connection nc = connection.connect()) {
            Subscription sub = SubscriptionPoll.open(nc, subject, queue, connection.timeout());
            spec.commandLine().getErr().println("Subscribing on " + subject + (queue == null ? "" : " in queue group " + queue));
            spec.commandLine().getErr().flush();
            SubscriptionPoll.forEach(nc, sub, count, (message, number) -> {
                String heading = "Received on \"" + message.getSubject() + "\""
                        + (message.getReplyTo() == null ? "" : " with reply \"" + message.getReplyTo() + "\"");
                format.print(out, number, heading, message);
                return true;
            });
        }
        return ExitCodes.OK;
    }
}
