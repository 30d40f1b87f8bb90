package io.hermod.cli.store;

import io.hermod.cli.client.output.ProgressBar;
import io.hermod.store.StorageType;
import io.hermod.store.StreamStoreConfig;
import io.hermod.store.file.RecoveryReport;
import io.hermod.store.file.StoreInconsistency;
import io.hermod.store.file.StoreInspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** {@code hermod store verify}: checks a stopped server's store offline, and with {@code --repair} rebuilds indexes. */
@Command(name = "verify",
        description = {"Check offline that each stream's log, its RocksDB indexes (sequences, subjects, "
                + "de-duplication, totals) and its consumers' state agree, and that no log record is torn.",
            "Run it with the server stopped: a store in use is refused."},
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:consistent", "1:the store could not be read (in use by a running server, I/O error)",
            "2:bad usage", "4:no store in the directory", "6:inconsistencies found (or left after --repair)"},
        footer = {"", "Examples:",
            "  hermod store verify                   check data/store",
            "  hermod store verify -sd /var/hermod   check another store",
            "  hermod store verify --repair          rebuild damaged indexes, check again",
            "  hermod store verify --json | jq .inconsistencies",
            "", "--repair rebuilds a stream's indexes from its log, the source of truth, as the server does on "
                + "start, and drops a torn last record the way the server's recovery would. Consumer state is not "
                + "derived from the logs and is reported, never changed."})
public final class StoreVerifyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Mixin
    private StoreDirOption store = new StoreDirOption();

    @Option(names = "--repair", description = "Rebuild the indexes of inconsistent streams from their logs, "
            + "drop torn tail records, remove index keys of unknown streams; then check again.")
    private boolean repair;

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @Option(names = "--no-progress", description = "Never draw a progress bar (drawn on stderr at a terminal).")
    private boolean noProgress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return store.inspect(out, err, inspector -> {
            VerifyReport first = check(inspector);
            if (!repair || first.consistent()) {
                print(out, first, null, List.of());
                return first.consistent() ? StoreExitCodes.OK : StoreExitCodes.INCONSISTENT;
            }
            List<Repair> repairs = repair(inspector, first);
            VerifyReport after = check(inspector);
            print(out, after, first, repairs);
            return after.consistent() ? StoreExitCodes.OK : StoreExitCodes.INCONSISTENT;
        });
    }

    private VerifyReport check(StoreInspector inspector) {
        LongAdder progress = new LongAdder();
        boolean draw = !noProgress && !json && System.console() != null;
        long total = draw ? StoreCheck.estimatedDocuments(inspector) : 0;
        try (ProgressBar bar = ProgressBar.start(draw ? System.err : null, "verify", total, progress::sum)) {
            return StoreCheck.run(inspector, progress);
        }
    }

    private static List<Repair> repair(StoreInspector inspector, VerifyReport report) {
        Set<String> damaged = report.inconsistencies().stream().filter(StoreInconsistency::repairable)
                .map(StoreInconsistency::stream).collect(Collectors.toSet());
        List<Repair> repairs = new ArrayList<>();
        List<StreamStoreConfig> configs = inspector.streams(new ArrayList<>());
        for (StreamStoreConfig config : configs) {
            String name = config.name();
            if (!damaged.contains(name) || config.storage() == StorageType.MEMORY || inspector.deletionPending(name)) {
                continue;
            }
            if (!Files.isDirectory(inspector.logDirectory(name))) {
                repairs.add(new Repair(name, "not rebuilt: its log directory is missing", 0, 0));
                continue;
            }
            RecoveryReport rebuilt = inspector.rebuild(config);
            repairs.add(new Repair(name, "indexes rebuilt from the log", rebuilt.replayed(), rebuilt.voided()));
        }
        Set<String> known = configs.stream().map(StreamStoreConfig::name).collect(Collectors.toSet());
        for (String orphan : inspector.dropOrphanIndexes(known)) {
            repairs.add(new Repair(orphan, "index keys of a stream without configuration removed", 0, 0));
        }
        return repairs;
    }

    private void print(PrintWriter out, VerifyReport report, VerifyReport beforeRepair, List<Repair> repairs) {
        if (json) {
            VerifyOutput.json(out, report, beforeRepair, repairs);
            return;
        }
        if (beforeRepair != null) {
            out.println("Found before repair:");
            beforeRepair.inconsistencies().forEach(i -> out.println("  " + i.describe()));
            VerifyOutput.repairs(out, repairs);
        }
        VerifyOutput.text(out, report);
    }
}
