package io.hermod.cli.bench;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code hermod bench}: measures a NATS server's throughput, latency and per-connection memory. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = {"Benchmark a NATS server (Hermod or nats-server): publish/subscribe throughput, "
                + "request/reply latency, idle-connection memory, JetStream publish rate and latency, restart time, "
                + "pull and push consumer drain rates, key-value put and get rates.",
                "Figures go to stdout (human text, or --csv / --json); the progress bar goes to stderr."},
        footer = {"", "Examples:",
                "  hermod bench demo --sub 1 -n 1000000        jnats, 1 pub -> 1 sub",
                "  hermod bench demo --raw --sub 4 --size 16   raw sockets, fan-out to 4",
                "  hermod bench demo --sub 4 --queue           4-member queue group",
                "  hermod bench demo --request -n 20000        round-trip latency",
                "  hermod bench --idle 5000 --server-pid 1234  KiB per idle connection",
                "  hermod bench demo --raw --sub 1 --csv --server-pid 1234",
                "                                              figures and server CPU as CSV",
                "  hermod bench --js --sync -n 20000           JetStream publish->PubAck latency",
                "  hermod bench --js --async --inflight 1000   JetStream publish rate, every ack checked",
                "  hermod bench --js-restart-check -n 1000000 --server-pid-file F --ready-file R",
                "                                              seconds until a restarted server serves the stream",
                "  hermod bench --js-pull -n 500000 --batch 100 pull consumer, explicit acks, draining a filled stream",
                "  hermod bench --js-push -n 500000            push consumer likewise",
                "  hermod bench --kv -n 20000 --pub 4          KeyValue put then get rates"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run completed", "1:messages went missing or a client failed", "2:bad usage"})
public final class BenchCommand implements Callable<Integer> {
    private static final String DEFAULT_SUBJECT = "hermod.bench";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SUBJECT", defaultValue = DEFAULT_SUBJECT,
            description = "Subject to publish on (default: ${DEFAULT-VALUE}).")
    private String subject;

    @Option(names = {"-s", "--server"}, paramLabel = "URL", defaultValue = "nats://127.0.0.1:4222",
            description = "Server URL (default: ${DEFAULT-VALUE}).")
    private String server;

    @Option(names = "--pub", paramLabel = "N", defaultValue = "1",
            description = "Publishers (requesters with --request); they share the messages (default: ${DEFAULT-VALUE}).")
    private int publishers;

    @Option(names = "--sub", paramLabel = "N", defaultValue = "0",
            description = "Subscribers (repliers with --request, at least 1) (default: ${DEFAULT-VALUE}).")
    private int subscribers;

    @Option(names = {"-n", "--msgs"}, paramLabel = "N", defaultValue = "100000",
            description = "Messages to publish in total (requests with --request) (default: ${DEFAULT-VALUE}).")
    private long messages;

    @Option(names = "--size", paramLabel = "BYTES", defaultValue = "128",
            description = "Payload size in bytes (default: ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--queue", description = "Subscribers join one queue group: together they get each message once.")
    private boolean queue;

    @ArgGroup(exclusive = true)
    private Mode mode = new Mode();

    /** The kinds of run; without one, jnats publish/subscribe. */
    static final class Mode {
        @Option(names = "--raw", description = "Plain-socket clients that barely use CPU, to measure the server.")
        boolean raw;

        @Option(names = "--request", description = "Request/reply round trips with our own repliers; latency percentiles.")
        boolean request;

        @Option(names = "--idle", paramLabel = "N",
                description = "Open N idle connections, hold them, with --server-pid report server KiB per connection.")
        Integer idle;

        @Option(names = "--js", description = "Publish into a JetStream stream created for the run (and deleted after); "
                + "--sync (default) times each publish to its PubAck, --async keeps --inflight acks outstanding.")
        boolean js;

        @Option(names = "--js-pull", description = "Fill a stream with -n messages, then drain it with a durable pull "
                + "consumer with explicit acks, fetching --batch at a time: msgs/s until every ack is applied.")
        boolean jsPull;

        @Option(names = "--js-push", description = "Like --js-pull with a durable push consumer (explicit acks).")
        boolean jsPush;

        @Option(names = "--kv", description = "jnats KeyValue: -n puts, then -n gets, shared by --pub clients, "
                + "cycling through --keys keys of a bucket created for the run.")
        boolean kv;

        @Option(names = "--js-restart-check", description = "Poll STREAM.INFO until --stream holds -n messages, then "
                + "report the seconds since the server process (--server-pid or --server-pid-file) started.")
        boolean jsRestartCheck;
    }

    @ArgGroup(exclusive = true)
    private JsPublish jsPublish = new JsPublish();

    /** How --js publishes. */
    static final class JsPublish {
        @Option(names = "--sync", description = "With --js: one publish at a time, each waiting for its PubAck (default).")
        boolean sync;

        @Option(names = "--async", description = "With --js: publishAsync, at most --inflight acks outstanding per publisher.")
        boolean async;
    }

    @Option(names = "--inflight", paramLabel = "N", defaultValue = "1000",
            description = "With --js --async: unacknowledged publishes allowed per publisher; with --js-pull/--js-push: "
                    + "while filling the stream (default: ${DEFAULT-VALUE}).")
    private int inflight;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "100",
            description = "With --js-pull: messages asked for per fetch (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--max-ack-pending", paramLabel = "N", defaultValue = "1000",
            description = "With --js-pull/--js-push: the consumer's max_ack_pending (default: ${DEFAULT-VALUE}).")
    private int maxAckPending;

    @Option(names = "--bucket", paramLabel = "NAME", defaultValue = "hermod_bench",
            description = "With --kv: the bucket to create (default: ${DEFAULT-VALUE}).")
    private String bucket;

    @Option(names = "--keys", paramLabel = "N", defaultValue = "1000",
            description = "With --kv: distinct keys the operations cycle through (default: ${DEFAULT-VALUE}).")
    private int keys;

    @Option(names = "--stream", paramLabel = "NAME", defaultValue = "HERMOD_BENCH",
            description = "JetStream stream to create (or, with --js-restart-check, to poll) (default: ${DEFAULT-VALUE}).")
    private String stream;

    @Option(names = "--storage", paramLabel = "file|memory", defaultValue = "file",
            description = "With --js: the stream's storage (default: ${DEFAULT-VALUE}).")
    private String storage;

    @Option(names = "--keep-stream", description = "With --js: leave the stream and its messages after the run.")
    private boolean keepStream;

    @Option(names = "--restart-deadline", paramLabel = "SECONDS", defaultValue = "300",
            description = "With --js-restart-check: give up after this long (default: ${DEFAULT-VALUE}).")
    private int restartDeadlineSeconds;

    @Option(names = "--server-pid-file", paramLabel = "FILE",
            description = "With --js-restart-check: read the server's PID from FILE once it appears there.")
    private Path serverPidFile;

    @Option(names = "--ready-file", paramLabel = "FILE",
            description = "With --js-restart-check: create FILE once polling has begun, so the server can be "
                    + "started after it.")
    private Path readyFile;

    @ArgGroup(exclusive = true)
    private Output output = new Output();

    /** Machine-readable output instead of the human summary. */
    static final class Output {
        @Option(names = "--csv", description = "Print the figures as CSV rows: mode,figure,value,unit.")
        boolean csv;

        @Option(names = "--json", description = "Print the figures as one JSON object.")
        boolean json;
    }

    @Option(names = "--server-pid", paramLabel = "PID",
            description = "Server process on this machine: report its CPU seconds (and RSS with --idle) from /proc.")
    private Long serverPid;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Give up on missing messages (or a request) after this long without progress (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Option(names = "--no-progress", negatable = false, description = "Do not draw the progress bar.")
    private boolean noProgress;

    @Override
    public Integer call() throws InterruptedException {
        validate();
        try {
            return measureAndPrint();
        } catch (IOException e) {
            // Cannot reach the server or read /proc: a one-line reason serves better than a stack trace.
            spec.commandLine().getErr().println("bench failed: " + e.getMessage());
            return 1;
        }
    }

    private int measureAndPrint() throws IOException, InterruptedException {
        PrintStream out = System.out;
        NatsEndpoint endpoint = NatsEndpoint.parse(server);
        ProcFiles serverProcess = serverPid == null ? null : new ProcFiles(serverPid);
        // A restart check reports the server's CPU since its start itself; consumer and key-value runs per phase.
        boolean measuresOwnCpu = mode.jsRestartCheck || mode.jsPull || mode.jsPush || mode.kv;
        ServerCpuMeter cpu = serverProcess == null || measuresOwnCpu ? null : ServerCpuMeter.start(serverProcess);
        PrintStream progress = noProgress ? null : System.err;

        BenchReport report = run(endpoint, serverProcess, progress);

        Figures figures = report.figures();
        String text = report.text();
        if (cpu != null) {
            double cpuSeconds = cpu.elapsedCpuSeconds();
            ServerCpuMeter.addFigures(figures, cpuSeconds, report.messagesRouted());
            text += ServerCpuMeter.describe(cpuSeconds, report.messagesRouted());
        }
        if (output.csv) {
            out.print(figures.toCsv());
        } else if (output.json) {
            out.print(figures.toJson());
        } else {
            out.print(text);
        }
        out.flush();
        return report.complete() ? 0 : 1;
    }

    private BenchReport run(NatsEndpoint endpoint, ProcFiles serverProcess, PrintStream progress)
            throws IOException, InterruptedException {
        if (mode.idle != null) {
            return new IdleConnectionsBench(endpoint, mode.idle, serverProcess, progress).run();
        }
        if (mode.jsRestartCheck) {
            return new JetStreamRestartCheck(endpoint, new JetStreamRestartCheck.Target(stream, messages,
                    Duration.ofSeconds(restartDeadlineSeconds), serverPid, serverPidFile, readyFile)).run();
        }
        BenchSettings settings = new BenchSettings(endpoint, subject, publishers, subscribers, messages, size,
                queue, "hermod-bench-queue", Duration.ofSeconds(timeoutSeconds), progress);
        if (mode.request) {
            return new RequestReplyBench(settings).run();
        }
        if (mode.jsPull || mode.jsPush) {
            ConsumeSettings consume = new ConsumeSettings(stream, JsStorage.parse(storage), mode.jsPush, batch,
                    inflight, maxAckPending, keepStream);
            return new JetStreamConsumeBench(settings, consume, serverProcess).run();
        }
        if (mode.kv) {
            return new KeyValueBench(settings, new KvSettings(bucket, keys, JsStorage.parse(storage), keepStream),
                    serverProcess).run();
        }
        if (mode.js) {
            JsSettings js = new JsSettings(stream, JsStorage.parse(storage), jsPublish.async, inflight, keepStream);
            return new JetStreamPublishBench(settings, js).run();
        }
        return mode.raw ? new RawPubSubBench(settings).run() : new JnatsPubSubBench(settings).run();
    }

    private void validate() {
        if (mode.idle != null) {
            if (mode.idle < 1) {
                throw usage("--idle needs at least 1 connection");
            }
            return;
        }
        validateConsumerOptions();
        boolean jsOptionsGiven = jsPublish.sync || jsPublish.async || keepStream
                || spec.commandLine().getParseResult().hasMatchedOption("--inflight")
                || spec.commandLine().getParseResult().hasMatchedOption("--storage");
        boolean consumes = mode.jsPull || mode.jsPush;
        if (jsOptionsGiven && !mode.js && !consumes && !mode.kv) {
            throw usage("--sync, --async, --inflight, --storage and --keep-stream need --js");
        }
        boolean restartOptionsGiven = serverPidFile != null || readyFile != null
                || spec.commandLine().getParseResult().hasMatchedOption("--restart-deadline");
        if (restartOptionsGiven && !mode.jsRestartCheck) {
            throw usage("--server-pid-file, --ready-file and --restart-deadline need --js-restart-check");
        }
        if (mode.js) {
            try {
                JsStorage.parse(storage);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            if (inflight < 1) {
                throw usage("--inflight must be at least 1");
            }
            if (subscribers > 0 || queue) {
                throw usage("--js only publishes: --sub and --queue do not apply");
            }
            if (messages > Integer.MAX_VALUE) {
                throw usage("--js checks every ack: at most " + Integer.MAX_VALUE + " messages");
            }
        }
        if (mode.jsRestartCheck) {
            if (serverPid == null && serverPidFile == null) {
                throw usage("--js-restart-check needs --server-pid or --server-pid-file");
            }
            if (restartDeadlineSeconds < 1) {
                throw usage("--restart-deadline must be at least 1 second");
            }
        }
        if (publishers < 1) {
            throw usage("--pub must be at least 1");
        }
        if (subscribers < 0) {
            throw usage("--sub must not be negative");
        }
        if (messages < 1) {
            throw usage("--msgs must be at least 1");
        }
        if (size < 0) {
            throw usage("--size must not be negative");
        }
        if (queue && subscribers < 1 && !mode.request) {
            throw usage("--queue needs --sub of at least 1");
        }
        if (timeoutSeconds < 1) {
            throw usage("--timeout must be at least 1 second");
        }
        if (serverPid != null && !Files.isDirectory(Path.of("/proc", serverPid.toString()))) {
            throw usage("no process " + serverPid + " in /proc");
        }
    }

    /** The options of --js-pull, --js-push and --kv, and what those modes do not take. */
    private void validateConsumerOptions() {
        boolean consumes = mode.jsPull || mode.jsPush;
        var parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--batch") && !mode.jsPull) {
            throw usage("--batch needs --js-pull");
        }
        if (parsed.hasMatchedOption("--max-ack-pending") && !consumes) {
            throw usage("--max-ack-pending needs --js-pull or --js-push");
        }
        if ((parsed.hasMatchedOption("--bucket") || parsed.hasMatchedOption("--keys")) && !mode.kv) {
            throw usage("--bucket and --keys need --kv");
        }
        if (consumes && (jsPublish.sync || jsPublish.async)) {
            throw usage("--sync and --async are for --js; --js-pull and --js-push fill the stream asynchronously");
        }
        if (mode.kv && (jsPublish.sync || jsPublish.async
                || parsed.hasMatchedOption("--inflight"))) {
            throw usage("--sync, --async and --inflight do not apply to --kv (its puts are synchronous)");
        }
        if (!consumes && !mode.kv) {
            return;
        }
        try {
            JsStorage.parse(storage);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (subscribers > 0 || queue) {
            throw usage("--sub and --queue do not apply to --js-pull, --js-push or --kv");
        }
        if (consumes && (publishers != 1 || messages > Integer.MAX_VALUE)) {
            throw usage("--js-pull and --js-push use one publisher and one consumer, at most "
                    + Integer.MAX_VALUE + " messages");
        }
        if (batch < 1 || maxAckPending < 1 || inflight < 1 || keys < 1) {
            throw usage("--batch, --max-ack-pending, --inflight and --keys must be at least 1");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
