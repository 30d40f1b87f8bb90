package io.hermod.cli.jetstream;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The flags {@code stream edit} and {@code consumer edit} share ({@code @Mixin EditFlags edit}). */
final class EditFlags {
    @Option(names = "--config", paramLabel = "FILE",
            description = "The whole new configuration in NATS's JSON format; flags override its fields")
    Path config;

    @Option(names = "--dry-run", description = "Only show what would change")
    boolean dryRun;
}
