package io.hermod.cli.client.output;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar redrawn a few times a second on its own daemon thread, so stdout stays free for results
 * (give it stderr). Used by {@code hermod bench} and by long client commands; inactive instances draw nothing.
 */
public final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private static final long REDRAW_MILLIS = 250;

    private final PrintWriter out;
    private final String label;
    private final long total;
    private final LongSupplier done;
    private final Thread thread;
    private volatile boolean running = true;

    private ProgressBar(PrintWriter out, String label, long total, LongSupplier done) {
        this.out = out;
        this.label = label;
        this.total = Math.max(total, 1);
        this.done = done;
        this.thread = new Thread(this::drawUntilClosed, "hermod-progress");
        this.thread.setDaemon(true);
    }

    /** Starts a bar on {@code out}, or a silent one if {@code out} is null. */
    public static ProgressBar start(PrintStream out, String label, long total, LongSupplier done) {
        return start(out == null ? null : new PrintWriter(out, true), label, total, done);
    }

    /** Starts a bar on {@code out}, or a silent one if {@code out} is null. */
    public static ProgressBar start(PrintWriter out, String label, long total, LongSupplier done) {
        ProgressBar bar = new ProgressBar(out, label, total, done);
        if (out != null) {
            bar.thread.start();
        }
        return bar;
    }

    private void drawUntilClosed() {
        while (running) {
            draw();
            try {
                Thread.sleep(REDRAW_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void draw() {
        long now = Math.min(done.getAsLong(), total);
        int filled = (int) (now * WIDTH / total);
        String bar = "=".repeat(filled) + " ".repeat(WIDTH - filled);
        out.printf(Locale.ROOT, "\r%-10s [%s] %3d%% %,d/%,d", label, bar, now * 100 / total, now, total);
        out.flush();
    }

    @Override
    public void close() {
        if (!thread.isAlive()) {
            return;
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        draw();
        out.println();
        out.flush();
    }
}
