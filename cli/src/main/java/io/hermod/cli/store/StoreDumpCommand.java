package io.hermod.cli.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hermod.consumers.state.RocksConsumerStateStore;
import io.hermod.store.StorageType;
import io.hermod.store.StreamState;
import io.hermod.store.StreamStoreConfig;
import io.hermod.store.file.FileStoreOptions;
import io.hermod.store.file.LogDump;
import io.hermod.store.file.StoreInspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code hermod store dump}: a stopped server's streams, or one stream's records, read offline from the store. */
@Command(name = "dump",
        description = {"Print a stream's records from its log offline (sequence, time, subject, header and payload "
                + "sizes, or their content with --payload); without --stream, list the streams with their figures.",
            "Run it with the server stopped: a store in use is refused."},
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "1:the store could not be read (in use by a running server, I/O error)",
            "2:bad usage", "4:no store in the directory, or no such stream"},
        footer = {"", "Examples:",
            "  hermod store dump                          list the streams of data/store",
            "  hermod store dump --stream ORDERS --from 100 --count 10",
            "  hermod store dump --stream ORDERS --payload",
            "  hermod store dump --stream ORDERS --all-records",
            "  hermod store dump --stream ORDERS --json --payload",
            "", "With --json and --payload, hdrs and data are base64-encoded, as in NATS's stored messages."})
public final class StoreDumpCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Mixin
    private StoreDirOption store = new StoreDirOption();

    @Option(names = "--stream", paramLabel = "NAME", description = "The stream whose records to print.")
    private String stream;

    @Option(names = "--from", paramLabel = "SEQ", defaultValue = "1",
            description = "First sequence to print (default: ${DEFAULT-VALUE}).")
    private long from;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
            description = "Print at most N records (default: all).")
    private long count;

    @Option(names = "--payload", description = "Print headers and payloads, not only their sizes.")
    private boolean payload;

    @Option(names = "--all-records", description = "Every log document: also messages no longer held, "
            + "tombstones, purges, recovery markers and torn records.")
    private boolean allRecords;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Override
    public Integer call() {
        if (from < 1 || count < 0) {
            throw new ParameterException(spec.commandLine(), "--from must be at least 1 and --count not negative");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return store.inspect(out, err, inspector -> {
            List<StreamStoreConfig> configs = inspector.streams(new ArrayList<>());
            if (stream == null) {
                list(out, inspector, configs);
                return StoreExitCodes.OK;
            }
            Optional<StreamStoreConfig> config = configs.stream().filter(c -> c.name().equals(stream)).findFirst();
            if (config.isEmpty()) {
                err.println("hermod: stream not found: " + stream);
                return StoreExitCodes.NOT_FOUND;
            }
            if (config.get().storage() == StorageType.MEMORY) {
                err.println("hermod: " + stream + " is a memory stream: nothing of its messages is on disk");
                return StoreExitCodes.OK;
            }
            RecordPrinter printer = json ? new JsonRecordPrinter(out, payload) : new TextRecordPrinter(out, payload);
            long[] printed = {0};
            LogDump.read(inspector.keyValueStorage(), inspector.logDirectory(stream), stream,
                    FileStoreOptions.defaults(), from, entry -> {
                        if (allRecords || (entry.record() != null && entry.record().hasMessage() && entry.held())) {
                            printer.print(entry);
                            printed[0]++;
                        }
                        return count == 0 || printed[0] < count;
                    });
            printer.finish(printed[0]);
            return StoreExitCodes.OK;
        });
    }

    private void list(PrintWriter out, StoreInspector inspector, List<StreamStoreConfig> configs) {
        RocksConsumerStateStore consumers = new RocksConsumerStateStore(inspector.keyValueStorage());
        if (json) {
            ArrayNode array = JSON.createArrayNode();
            for (StreamStoreConfig c : configs) {
                StreamState s = state(inspector, c);
                array.addObject().put("name", c.name()).put("storage", storage(c)).put("messages", s.messages())
                        .put("bytes", s.bytes()).put("first_seq", s.firstSeq()).put("last_seq", s.lastSeq())
                        .put("num_deleted", s.numDeleted()).put("consumers", consumers.consumers(c.name()).size());
            }
            out.println(array.toPrettyString());
            return;
        }
        if (configs.isEmpty()) {
            out.println("No streams in " + inspector.root());
            return;
        }
        TextTable table = new TextTable("STREAM", "STORAGE", ">MESSAGES", ">BYTES", ">FIRST", ">LAST", ">DELETED",
                ">CONSUMERS", "LAST MESSAGE");
        for (StreamStoreConfig c : configs) {
            StreamState s = state(inspector, c);
            table.row(c.name(), storage(c), Readable.count(s.messages()), Readable.bytes(s.bytes()), s.firstSeq(),
                    s.lastSeq(), s.numDeleted(), consumers.consumers(c.name()).size(),
                    Readable.time(s.lastTimestampNanos()));
        }
        table.print(out);
    }

    /** The totals the indexes record (a memory stream starts empty on each start, so it shows none). */
    private static StreamState state(StoreInspector inspector, StreamStoreConfig config) {
        return inspector.indexedState(config.name()).orElse(new StreamState(0, 0, 1, 0, 0, 0, 0, 0));
    }

    private static String storage(StreamStoreConfig config) {
        return config.storage().name().toLowerCase(Locale.ROOT);
    }
}
