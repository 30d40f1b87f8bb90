package io.hermod.cli.jetstream;

import java.io.PrintWriter;

/**
 * How {@code stream edit} and {@code consumer edit} change a configuration: print the differences (-current +new),
 * then apply them unless it is a dry run or nothing changes.
 */
final class ConfigEdit {
    /** Sends the new configuration to the server. */
    @FunctionalInterface
    interface Apply {
        void apply() throws Exception;
    }

    private ConfigEdit() {
    }

    /** {@code kind} is "stream" or "consumer", {@code label} names the edited one as the messages show it. */
    static void run(PrintWriter out, String kind, String label, String currentJson, String wantedJson, boolean dryRun,
                    Apply apply) throws Exception {
        String what = kind + " " + label;
        String capitalised = Character.toUpperCase(what.charAt(0)) + what.substring(1);
        ConfigDiff diff = ConfigDiff.between(currentJson, wantedJson);
        if (diff.isEmpty()) {
            out.println(capitalised + ": nothing to change");
            return;
        }
        out.println("Differences (-current +new) for " + what + ":");
        diff.lines().forEach(out::println);
        if (dryRun) {
            out.println("Dry run: " + what + " not changed");
            return;
        }
        apply.apply();
        out.println(capitalised + " updated");
    }
}
