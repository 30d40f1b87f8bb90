package io.hermod.core.server;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Collects the -ERR texts a jnats connection received instead of printing them. */
final class QuietErrorListener implements ErrorListener {
    final List<String> errors = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();

    @Override
    public void errorOccurred(Connection conn, String error) {
        errors.add(error);
        unread.add(error);
    }

    @Override
    public void exceptionOccurred(Connection conn, Exception exp) {
    }

    /** The next error not yet returned by this method, waiting for it up to {@code timeout}; null if none came. */
    String nextError(Duration timeout) throws InterruptedException {
        return unread.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
