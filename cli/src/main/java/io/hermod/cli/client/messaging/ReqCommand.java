package io.hermod.cli.client.messaging;

import io.hermod.cli.client.CommandFailure;
import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.output.HumanDuration;
import io.nats.client.Connection;
import io.nats.client.JetStreamStatusException;
import io.nats.client.Message;
import io.nats.client.impl.NatsMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code hermod req SUBJECT [BODY]}: sends a request and prints the reply. */
@Command(name = "req", aliases = "request",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Send a request and print the reply (its headers and body) with the round-trip time.",
                "Without BODY (or with -), the body is read from stdin. Waits for the reply up to --timeout."},
        footer = {"", "Examples:",
                "  hermod req time.now ''",
                "  hermod req orders.price -H currency:EUR '{\"id\":1}'",
                "  hermod req orders.price '{\"id\":1}' --raw --timeout 2s   only the body",
                "  hermod req '$JS.API.INFO' '' --raw                  JetStream account info"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:a reply arrived", "1:no reply within --timeout, or another failure", "2:bad usage",
                "3:the server could not be reached", "5:no responders: nobody subscribes to SUBJECT"})
public final class ReqCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUBJECT", description = "The subject to send the request to.")
    private String subject;

    @Parameters(index = "1", arity = "0..1", paramLabel = "BODY", description = "The body. Absent or -: read stdin.")
    private String body;

    @Mixin
    private HeaderFlags headers;

    @Mixin
    private MessageFormat format;

    @Mixin
    private ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        byte[] data = BodySource.read(body, spec.commandLine().getErr());
        NatsMessage request = NatsMessage.builder().subject(subject).headers(headers.build(1)).data(data).build();
        Duration timeout = connection.timeout();
        try (Connection nc = connection.connect()) {
            long start = System.nanoTime();
            Message reply;
            try {
                reply = nc.requestWithTimeout(request, timeout).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw noReply(timeout);
            } catch (CancellationException e) {
                throw noResponders(e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof CancellationException || cause instanceof JetStreamStatusException status
                        && status.getStatus() != null && status.getStatus().isNoResponders()) {
                    throw noResponders(e);
                }
                if (cause instanceof TimeoutException) {
                    throw noReply(timeout);
                }
                throw cause instanceof Exception exception ? exception : e;
            }
            Duration rtt = Duration.ofNanos(System.nanoTime() - start);
            format.print(spec.commandLine().getOut(), 1, "Received reply on \"" + reply.getSubject() + "\" in "
                    + HumanDuration.format(rtt) + " (" + data.length + " bytes sent, "
                    + (reply.getData() == null ? 0 : reply.getData().length) + " received)", reply);
        }
        return ExitCodes.OK;
    }

    private CommandFailure noReply(Duration timeout) {
        return CommandFailure.failed("no reply on \"" + subject + "\" within " + HumanDuration.format(timeout));
    }

    private CommandFailure noResponders(Exception cause) {
        return new CommandFailure(ExitCodes.NO_RESPONDERS,
                "no responders available for request on \"" + subject + "\"", cause);
    }
}
