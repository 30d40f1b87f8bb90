package io.hermod.cli;

import io.hermod.store.log.ChronicleRuntime;

/** Entry point of the {@code hermod} command. */
public final class HermodMain {
    private HermodMain() {
    }

    public static void main(String[] args) {
        ChronicleRuntime.prepare();
        // Netty's allocator registers its Flight Recorder events on the first buffer it allocates, which loads
        // JFR's metadata (about 60 ms, on the first client's connection); the events only matter while recording.
        // -Dio.netty.jfr.enabled=true brings them back.
        if (System.getProperty("io.netty.jfr.enabled") == null) {
            System.setProperty("io.netty.jfr.enabled", "false");
        }
        ServerWarmUp.startFor(args);
        System.exit(HermodCommand.commandLineFor(args).execute(args));
    }
}
