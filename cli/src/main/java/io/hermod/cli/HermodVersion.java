package io.hermod.cli;

import io.hermod.core.server.HermodVersionInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code hermod --version}: Hermod's own version and the nats-server version whose behaviour it matches. */
public final class HermodVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "hermod " + HermodVersionInfo.HERMOD_VERSION,
            "NATS protocol compatible with nats-server " + HermodVersionInfo.NATS_COMPATIBLE_VERSION
        };
    }
}
