package io.hermod.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Runs a reload when the process receives SIGHUP, as nats-server does. Uses {@code sun.misc.Signal}; where the JVM
 * does not offer it (or reserves HUP), reload by signal is unavailable and a warning says so.
 */
final class ReloadOnHangup {
    private static final Logger log = LoggerFactory.getLogger(ReloadOnHangup.class);

    private ReloadOnHangup() {
    }

    /** The action runs on the JVM's signal thread; its failures are logged, never thrown into the JVM. */
    static void install(Runnable reload) {
        try {
            Signal.handle(new Signal("HUP"), signal -> {
                log.info("Received SIGHUP, reloading the configuration");
                try {
                    reload.run();
                } catch (RuntimeException e) {
                    log.error("Reload failed, keeping the running configuration: {}", e.getMessage());
                }
            });
        } catch (IllegalArgumentException | LinkageError e) {
            log.warn("Reload on SIGHUP is not available in this JVM: {}", e.toString());
        }
    }
}
