package io.hermod.core.differential;

import java.util.Objects;

/**
 * Starts a {@link ProtocolTarget} configured with a case's {@link ServerSettings}. The same test rows run once per
 * launcher, so adding a server under test is one more launcher in a {@code targets()} list.
 */
public interface TargetLauncher {

    String name();

    ProtocolTarget start(ServerSettings settings) throws Exception;

    interface Starter {
        ProtocolTarget start(ServerSettings settings) throws Exception;
    }

    static TargetLauncher of(String name, Starter starter) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(starter, "starter");
        return new TargetLauncher() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ProtocolTarget start(ServerSettings settings) throws Exception {
                return starter.start(settings);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /** The reference: {@code nats-server} 2.9.10; tests using it are skipped when the binary is absent. */
    static TargetLauncher natsServer() {
        return of("nats-server", NatsServerProcess::start);
    }
}
