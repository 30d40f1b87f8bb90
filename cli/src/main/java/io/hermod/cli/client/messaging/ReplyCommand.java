package io.hermod.cli.client.messaging;

import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * {@code hermod reply SUBJECT [BODY]}: answers requests on a subject, with BODY, with the request itself (echo), or
 * with the output of a command.
 */
@Command(name = "reply",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Answer requests on a subject until --count requests were answered, or Ctrl-C.",
                "With BODY every reply is BODY ({{Count}} is the request's number); without it the request's body "
                        + "and headers are echoed; with --command, CMD runs (sh -c) with the request body on stdin "
                        + "and its stdout is the reply.",
                "The line 'Listening on SUBJECT' goes to stderr once the server has the subscription."},
        footer = {"", "Examples:",
                "  hermod reply echo.>                         echo every request",
                "  hermod reply time.now --command date        reply with the output of date",
                "  hermod reply greet 'hello #{{Count}}' --count 3",
                "  hermod reply orders.price --command 'jq .price' --queue pricing"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:--count requests answered", "1:failure", "2:bad usage",
                "3:the server could not be reached or the connection was lost"})
public final class ReplyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUBJECT", description = "The subject to answer requests on.")
    private String subject;

    @Parameters(index = "1", arity = "0..1", paramLabel = "BODY",
            description = "The reply body, may contain {{Count}}. Absent: echo the request.")
    private String body;

    @Option(names = "--command", paramLabel = "CMD",
            description = "Run CMD with sh -c for each request, the request body on stdin; reply its stdout.")
    private String command;

    @Option(names = {"-q", "--queue"}, paramLabel = "GROUP", defaultValue = "hermod-reply",
            description = "Queue group, so that several responders share the requests (default: ${DEFAULT-VALUE}).")
    private String queue;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
            description = "Exit after answering N requests (default: 0, run until Ctrl-C).")
    private long count;

    @Mixin
    private HeaderFlags headers;

    @Mixin
    private MessageFormat format;

    @Mixin
    private ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        if (count < 0) {
            throw new ParameterException(spec.commandLine(), "--count cannot be negative");
        }
        if (body != null && command != null) {
            throw new ParameterException(spec.commandLine(), "give either BODY or --command, not both");
        }
        headers.build(1); // a malformed -H fails before we listen
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CommandResponder responder = command == null ? null : new CommandResponder(command, connection.timeout());
        try (Connection nc = connection.connect()) {
            Subscription sub = SubscriptionPoll.open(nc, subject, queue, connection.timeout());
            err.println("Listening on " + subject + " in queue group " + queue);
            err.flush();
            SubscriptionPoll.forEach(nc, sub, count, (request, number) -> {
                format.print(out, number, "Received on \"" + request.getSubject() + "\"", request);
                if (request.getReplyTo() == null) {
                    err.println("[#" + number + "] not a request (no reply subject): not answered");
                    err.flush();
                    return false;
                }
                NatsMessage reply = reply(request, number, responder, err);
                if (reply == null) {
                    return false;
                }
                nc.publish(reply);
                nc.flush(connection.timeout());
                return true;
            });
        }
        return ExitCodes.OK;
    }

    /** The reply to a request, or null when the command failed (the requester then times out, as with no reply). */
    private NatsMessage reply(Message request, long number, CommandResponder responder, PrintWriter err) {
        Headers replyHeaders = headers.build(number);
        byte[] data;
        if (responder != null) {
            data = responder.respond(request.getData() == null ? new byte[0] : request.getData(), err);
            if (data == null) {
                return null;
            }
        } else if (body != null) {
            data = CountTemplate.apply(body, number).getBytes(StandardCharsets.UTF_8);
        } else {
            data = request.getData();
            if (replyHeaders == null && request.getHeaders() != null && !request.getHeaders().isEmpty()) {
                replyHeaders = new Headers(request.getHeaders());
            }
        }
        return NatsMessage.builder().subject(request.getReplyTo()).headers(replyHeaders).data(data).build();
    }
}
