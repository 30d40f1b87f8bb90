package io.hermod.cli.client.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code reply --command}: runs {@code sh -c CMD} per request with the request body on its stdin and answers with its
 * stdout. A command that fails or outlives the timeout gives no answer; its stderr and exit status go to our stderr.
 */
final class CommandResponder {
    private final String command;
    private final Duration timeout;

    CommandResponder(String command, Duration timeout) {
        this.command = command;
        this.timeout = timeout;
    }

    /** @return the command's stdout, or null when it failed (reported on {@code err}) */
    byte[] respond(byte[] request, PrintWriter err) {
        Process process;
        try {
            process = new ProcessBuilder("sh", "-c", command).redirectError(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            err.println("cannot run " + command + ": " + e.getMessage());
            err.flush();
            return null;
        }
        try {
            CompletableFuture<byte[]> stdout = readAll(process.getInputStream());
            CompletableFuture<byte[]> stderr = readAll(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                in.write(request);
            } catch (IOException e) {
                // The command need not read its input (e.g. date): a closed pipe is not a failure.
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                err.println("command did not finish within " + timeout + ": not answered");
                err.flush();
                return null;
            }
            byte[] errors = stderr.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (errors.length > 0) {
                err.print(new String(errors, StandardCharsets.UTF_8));
            }
            if (process.exitValue() != 0) {
                err.println("command exited with status " + process.exitValue() + ": not answered");
                err.flush();
                return null;
            }
            return stdout.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            err.println("cannot read the command's output: " + e.getMessage());
            err.flush();
            return null;
        } finally {
            process.destroyForcibly();
        }
    }

    private static CompletableFuture<byte[]> readAll(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
    }
}
