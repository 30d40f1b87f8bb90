package io.hermod.core.server;

/**
 * The two versions a client sees in INFO. Clients pick protocol features from {@code version} (jnats, for one,
 * switches to the 2.9 consumer-create subjects at 2.9.0), so it names the nats-server release whose behaviour
 * Hermod matches; Hermod's own version travels in a field of its own.
 */
public final class HermodVersionInfo {
    public static final String NATS_COMPATIBLE_VERSION = "2.9.10";
    public static final String HERMOD_VERSION = "0.1.0";

    private HermodVersionInfo() {
    }
}
