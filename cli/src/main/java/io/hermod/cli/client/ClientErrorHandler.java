package io.hermod.cli.client;

import io.nats.client.AuthenticationException;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamStatusException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.util.concurrent.TimeoutException;

/**
 * Turns whatever a command threw into one line on stderr and an exit code from {@link ExitCodes}: a JetStream API
 * error prints NATS's description and err_code (404s exit as not found), a lost or refused connection exits as a
 * connection failure. The stack trace is printed only when the command line has {@code --trace}.
 */
public final class ClientErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine line, ParseResult parsed) {
        Explained explained = explain(ex);
        line.getErr().println("hermod: " + explained.message());
        if (traceRequested(parsed)) {
            ex.printStackTrace(line.getErr());
        }
        line.getErr().flush();
        return explained.exitCode();
    }

    /** A failure's message for a user and its exit code. */
    public record Explained(String message, int exitCode) {
    }

    public static Explained explain(Throwable ex) {
        if (ex instanceof CommandFailure failure) {
            return new Explained(failure.getMessage(), failure.exitCode());
        }
        if (ex instanceof JetStreamApiException api) {
            String text = api.getErrorDescription() + " (err_code " + api.getApiErrorCode() + ")";
            return new Explained(text, api.getErrorCode() == 404 ? ExitCodes.NOT_FOUND : ExitCodes.FAILURE);
        }
        if (ex instanceof JetStreamStatusException status && status.getStatus() != null
                && status.getStatus().isNoResponders()) {
            return new Explained("no responders available for request", ExitCodes.NO_RESPONDERS);
        }
        if (ex instanceof AuthenticationException) {
            return new Explained(ex.getMessage(), ExitCodes.CONNECTION);
        }
        if (ex instanceof TimeoutException) {
            return new Explained("timeout: " + orClassName(ex), ExitCodes.FAILURE);
        }
        return new Explained(orClassName(ex), ExitCodes.FAILURE);
    }

    private static String orClassName(Throwable ex) {
        return ex.getMessage() == null || ex.getMessage().isBlank() ? ex.getClass().getSimpleName() : ex.getMessage();
    }

    /** Whether {@code --trace} was given to the command that failed or to any command above it. */
    private static boolean traceRequested(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--trace")) {
                return true;
            }
        }
        return false;
    }
}
