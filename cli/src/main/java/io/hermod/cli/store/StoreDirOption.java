package io.hermod.cli.store;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The store directory flag, named as {@code hermod server}'s. */
final class StoreDirOption {
    @Option(names = {"-sd", "--store_dir"}, paramLabel = "DIR", defaultValue = "data/store",
            description = "Store directory (default: ${DEFAULT-VALUE}). The server must be stopped.")
    Path storeDir;
}
