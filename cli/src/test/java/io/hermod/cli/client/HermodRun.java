package io.hermod.cli.client;

import io.hermod.cli.HermodCommand;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs {@code hermod ...} in-process as {@code HermodMain} does (same command line, same error handler), with
 * stdout and stderr captured. Commands that keep running ({@code sub}, {@code reply}) run on their own thread:
 * {@link #start} returns at once, and the test waits for what they print.
 */
public final class HermodRun {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private HermodRun() {
    }

    /** What a finished command printed and returned. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public static Result run(String... args) {
        return start(args).await();
    }

    /** Runs with {@code stdin} as the command's standard input (System.in, restored afterwards). */
    public static Result runWithInput(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(saved);
        }
    }

    public static Running start(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = HermodCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> line.execute(args));
        return new Running(exit, out, err);
    }

    /** A command running on its own thread. */
    public static final class Running {
        private final CompletableFuture<Integer> exit;
        private final StringWriter out;
        private final StringWriter err;

        Running(CompletableFuture<Integer> exit, StringWriter out, StringWriter err) {
            this.exit = exit;
            this.out = out;
            this.err = err;
        }

        public String out() {
            return out.toString();
        }

        public String err() {
            return err.toString();
        }

        /** Polls (bounded) until stdout or stderr satisfies {@code condition}; fails with what was printed. */
        public void awaitOutput(Predicate<Running> condition) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!condition.test(this)) {
                if (exit.isDone() && !condition.test(this)) {
                    throw new AssertionError("command ended early: " + await());
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("output not seen within " + WAIT + ":\n--- stdout\n" + out()
                            + "--- stderr\n" + err());
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }

        public Result await() {
            try {
                return new Result(exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), out(), err());
            } catch (Exception e) {
                throw new AssertionError("command did not end within " + WAIT + ":\n--- stdout\n" + out()
                        + "--- stderr\n" + err(), e);
            }
        }
    }
}
