package io.hermod.cli.client;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;

/**
 * Keeps jnats from logging connection errors on its own: the command reports failures once, through
 * {@link ClientErrorHandler}.
 */
final class QuietErrorListener implements ErrorListener {
    @Override
    public void errorOccurred(Connection conn, String error) {
    }

    @Override
    public void exceptionOccurred(Connection conn, Exception exp) {
    }
}
