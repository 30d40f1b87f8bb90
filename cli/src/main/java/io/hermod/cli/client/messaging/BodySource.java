package io.hermod.cli.client.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A message body given as an argument, or read whole from standard input when absent or {@code -}. */
final class BodySource {
    private BodySource() {
    }

    static boolean fromStdin(String argument) {
        return argument == null || argument.equals("-");
    }

    /** The argument's bytes (UTF-8), or all of stdin when it says so (with a hint on {@code err} at a terminal). */
    static byte[] read(String argument, PrintWriter err) {
        if (!fromStdin(argument)) {
            return argument.getBytes(StandardCharsets.UTF_8);
        }
        if (System.console() != null) {
            // At a terminal a silent wait for input looks like a hang.
            err.println("Reading the body from stdin, end it with Ctrl-D");
            err.flush();
        }
        try {
            InputStream in = System.in;
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the body from stdin: " + e.getMessage(), e);
        }
    }
}
