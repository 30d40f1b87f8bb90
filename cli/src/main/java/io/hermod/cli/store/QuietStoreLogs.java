package io.hermod.cli.store;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * The offline store commands report what they find themselves; the store's own warnings (a torn record dropped, a
 * record not found) would repeat it on stderr, so only errors are logged while they run.
 */
final class QuietStoreLogs {
    private QuietStoreLogs() {
    }

    static void apply() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("io.hermod.store").setLevel(Level.ERROR);
            context.getLogger("net.openhft").setLevel(Level.ERROR);
        }
    }
}
