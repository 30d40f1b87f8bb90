package io.hermod.cli.kv;

import picocli.CommandLine.Command;

/** {@code hermod kv}: groups the key-value subcommands (buckets are JetStream streams named {@code KV_<bucket>}). */
@Command(name = "kv", mixinStandardHelpOptions = true,
        description = "Key-value buckets on JetStream: create, put, get, delete, history, watch.",
        subcommands = {KvAddCommand.class, KvPutCommand.class, KvGetCommand.class, KvDelCommand.class,
                KvPurgeCommand.class, KvHistoryCommand.class, KvKeysCommand.class, KvWatchCommand.class,
                KvLsCommand.class, KvRmCommand.class},
        footer = {"", "Examples:",
                "  hermod kv add CONFIG --history 5",
                "  hermod kv put CONFIG db.url postgres://db:5432",
                "  hermod kv get CONFIG db.url",
                "  hermod kv watch CONFIG 'db.>'"})
public final class KvCommand {
}
