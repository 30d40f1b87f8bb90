package io.hermod.core.server;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/** Collects the -ERR texts a jnats connection received instead of printing them. */
final class QuietErrorListener implements ErrorListener {
    final List<String> errors = new CopyOnWriteArrayList<>();

    @Override
    public void errorOccurred(Connection conn, String error) {
        errors.add(error);
    }

    @Override
    public void exceptionOccurred(Connection conn, Exception exp) {
    }
}
