package io.hermod.cli.client;

/**
 * A client command failed for a reason the user should read, with the exit code that says which kind of failure it
 * is. {@link ClientErrorHandler} prints the message (no stack trace unless {@code --trace}) and exits with the code.
 */
public final class CommandFailure extends RuntimeException {
    private final int exitCode;

    public CommandFailure(int exitCode, String message) {
        this(exitCode, message, null);
    }

    public CommandFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static CommandFailure failed(String message) {
        return new CommandFailure(ExitCodes.FAILURE, message);
    }

    public static CommandFailure notFound(String message) {
        return new CommandFailure(ExitCodes.NOT_FOUND, message);
    }

    public static CommandFailure connection(String message, Throwable cause) {
        return new CommandFailure(ExitCodes.CONNECTION, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
