package io.hermod.cli.client;

import picocli.CommandLine.Option;

/**
 * {@code --trace} for client commands that do not connect (those that do get it from {@link ConnectionOptions}):
 * {@link ClientErrorHandler} then prints a failure's stack trace.
 */
public final class TraceOption {
    @Option(names = "--trace", description = "Print the stack trace of a failure.")
    private boolean trace;
}
