package io.hermod.cli.kv;

import io.hermod.cli.client.CommandFailure;
import io.hermod.cli.client.ExitCodes;
import io.nats.client.api.KeyValueConfiguration;

/** jnats checks bucket names, keys and limits by throwing IllegalArgumentException: those are usage errors. */
final class KvArguments {
    private KvArguments() {
    }

    static KeyValueConfiguration build(KeyValueConfiguration.Builder b) {
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCodes.USAGE, e.getMessage());
        }
    }

    interface KvCall<T> {
        T call() throws Exception;
    }

    /** Runs a jnats call whose argument check failing means the user gave a bad key or value. */
    static <T> T checked(KvCall<T> call) throws Exception {
        try {
            return call.call();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCodes.USAGE, e.getMessage());
        }
    }
}
