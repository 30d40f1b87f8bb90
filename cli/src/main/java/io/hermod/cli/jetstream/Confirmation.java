package io.hermod.cli.jetstream;

import io.hermod.cli.client.CommandFailure;
import io.hermod.cli.client.ExitCodes;

import java.io.Console;

/**
 * Asks before a command destroys data, as the {@code nats} CLI does. Without a terminal to ask on (a script, a
 * pipe) it refuses rather than guess: {@code -f} is how a script says yes.
 */
public final class Confirmation {
    private Confirmation() {
    }

    /** Returns when {@code force} or the user answered yes; otherwise throws. */
    public static void confirm(boolean force, String question) {
        if (force) {
            return;
        }
        Console console = System.console();
        if (console == null) {
            throw new CommandFailure(ExitCodes.USAGE, question.replaceFirst("^Really ", "refusing to ")
                    .replaceFirst("\\?$", "") + " without confirmation: not a terminal, add -f to confirm");
        }
        String answer = console.readLine("%s [y/N] ", question);
        if (answer == null || !(answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"))) {
            throw CommandFailure.failed("cancelled");
        }
    }
}
