package io.hermod.cli.jetstream;

import io.hermod.cli.client.ConnectionOptions;
import io.hermod.cli.client.ExitCodes;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * What every command that destroys data mixes in ({@code @Mixin DestructiveAction destroy}): {@code -f} and the
 * connection flags, and {@link #run}, which looks the target up first (so a missing one is reported as such before
 * anyone is asked anything), asks for {@link Confirmation}, acts, and prints what it did.
 */
public final class DestructiveAction {
    /** Finds what is to be destroyed; throws (as jnats does) when it does not exist. */
    @FunctionalInterface
    public interface Lookup<T> {
        T find(JetStreamSession session) throws Exception;
    }

    /** Destroys what {@link Lookup} found. */
    @FunctionalInterface
    public interface Act<T> {
        void apply(JetStreamSession session, T found) throws Exception;
    }

    /** Destroys what {@link Lookup} found and tells how it went. */
    @FunctionalInterface
    public interface Call<T, R> {
        R apply(JetStreamSession session, T found) throws Exception;
    }

    @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation")
    boolean force;

    @Mixin
    ConnectionOptions connection;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Looks up, confirms {@code question} unless {@code -f}, acts, and prints {@code done}. */
    public <T> int run(Lookup<T> lookup, String question, Act<T> act, String done) throws Exception {
        confirmed(lookup, question, (session, found) -> {
            act.apply(session, found);
            return null;
        });
        PrintWriter out = command.commandLine().getOut();
        out.println(done);
        out.flush();
        return ExitCodes.OK;
    }

    /** Looks up, confirms {@code question} unless {@code -f}, and returns what the call answered. */
    public <T, R> R confirmed(Lookup<T> lookup, String question, Call<T, R> call) throws Exception {
        try (JetStreamSession session = JetStreamSession.open(connection)) {
            T found = lookup.find(session);
            Confirmation.confirm(force, question);
            return call.apply(session, found);
        }
    }
}
