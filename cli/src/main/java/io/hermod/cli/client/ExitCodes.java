package io.hermod.cli.client;

/**
 * The exit codes of the client commands, so that scripts can tell why a command failed. {@code hermod server check}
 * uses the monitoring-plugin codes instead (see its help).
 */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** Any other failure: the server refused the request, a timeout, an I/O error. */
    public static final int FAILURE = 1;
    /** Bad flags or arguments (picocli's own code for a parameter error). */
    public static final int USAGE = 2;
    /** The server could not be reached, refused the credentials, or the connection dropped. */
    public static final int CONNECTION = 3;
    /** What was named does not exist: a stream, a consumer, a message, a key, a context. */
    public static final int NOT_FOUND = 4;
    /** A request found no responder on its subject (NATS's 503 status). */
    public static final int NO_RESPONDERS = 5;

    private ExitCodes() {
    }
}
