package io.hermod.cli.store;

/** Exit codes of {@code hermod store}: scripts and monitoring tell a damaged store from a failed run. */
final class StoreExitCodes {
    /** Checked and consistent (after repair, with {@code --repair}); or the dump was printed. */
    static final int OK = 0;
    /** The store could not be read: in use by a running server, unreadable, an I/O error. */
    static final int FAILURE = 1;
    /** Bad flags or arguments (picocli's own code). */
    static final int USAGE = 2;
    /** No store in the directory, or no such stream. */
    static final int NOT_FOUND = 4;
    /** The check found inconsistencies (left after repair, with {@code --repair}). */
    static final int INCONSISTENT = 6;

    static final String[] HELP = {
        "0:consistent",
        "1:the store could not be read (in use by a running server, I/O error)",
        "2:bad usage",
        "4:no store in the directory, or no such stream",
        "6:inconsistencies found (or left after --repair)"};

    private StoreExitCodes() {
    }
}
