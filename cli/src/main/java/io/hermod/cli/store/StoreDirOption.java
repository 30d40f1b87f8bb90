package io.hermod.cli.store;

import io.hermod.store.file.FileStoreOptions;
import io.hermod.store.file.StoreInUseException;
import io.hermod.store.file.StoreInspector;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The store directory flag, named as {@code hermod server}'s, and how the offline store commands open that store:
 * quietly, refusing a store in use, each failure told on stderr with its exit code.
 */
final class StoreDirOption {
    /** What a command does with the opened store; answers the command's exit code. */
    @FunctionalInterface
    interface Inspection {
        /** Throws NoSuchFileException, told as a missing store, when a file the store needs is not there. */
        int run(StoreInspector inspector) throws NoSuchFileException;
    }

    @Option(names = {"-sd", "--store_dir"}, paramLabel = "DIR", defaultValue = "data/store",
            description = "Store directory (default: ${DEFAULT-VALUE}). The server must be stopped.")
    Path storeDir;

    /** Opens the store, runs {@code inspection} on it, and flushes both outputs whatever happened. */
    int inspect(PrintWriter out, PrintWriter err, Inspection inspection) {
        QuietStoreLogs.apply();
        try (StoreInspector inspector = StoreInspector.open(storeDir, FileStoreOptions.defaults())) {
            return inspection.run(inspector);
        } catch (NoSuchFileException e) {
            err.println("hermod: no Hermod store in " + storeDir + " (no meta/ database)");
            return StoreExitCodes.NOT_FOUND;
        } catch (StoreInUseException e) {
            err.println("hermod: " + e.getMessage());
            return StoreExitCodes.FAILURE;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
