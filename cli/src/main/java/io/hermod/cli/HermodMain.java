package io.hermod.cli;

import picocli.CommandLine;

/** Entry point of the {@code hermod} command. */
public final class HermodMain {
    private HermodMain() {
    }

    public static void main(String[] args) {
        // Chronicle reads these when its classes load: set them before anything touches a store.
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
        System.setProperty("chronicle.disk.monitor.disable", "true");
        System.exit(HermodCommand.commandLine().execute(args));
    }
}
