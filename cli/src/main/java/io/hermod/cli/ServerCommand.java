package io.hermod.cli;

import io.hermod.core.auth.AuthConfig;
import io.hermod.core.server.HermodServer;
import io.hermod.core.server.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hermod server}: runs the broker until SIGTERM or SIGINT, with nats-server's flag names. Flags override
 * the config file, which overrides the defaults. Its subcommands (check, info) are added by {@link HermodCommand},
 * which leaves them out where they cannot be needed.
 */
@Command(name = "server",
        description = {"Run the Hermod broker (NATS protocol on TCP, optionally TLS).",
                "With a subcommand, inspect a running server instead (any NATS server): check, info."},
        sortOptions = false,
        footer = {"", "Examples:",
                "  hermod server                          0.0.0.0:4222, store in data/store",
                "  hermod server -a 127.0.0.1 -p 4333 -D  loopback only, another port, debug log",
                "  hermod server -c data/hermod.conf      nats-server configuration file",
                "  hermod server -m 8222                  monitoring on http://<host>:8222/varz",
                "  hermod server -js -sd /var/hermod      JetStream, store in /var/hermod",
                "  hermod server --user u --pass p        require a user and password",
                "  hermod server --tlscert c.pem --tlskey k.pem --tlscacert ca.pem --tlsverify   mutual TLS",
                "  hermod server --signal reload=1234     make server 1234 reload its config (or: kill -HUP 1234)",
                "  hermod server check -s nats://host:4222  probe: exit 0 OK, 1 WARN, 2 CRIT",
                "  hermod server info -s nats://host:4222   a running server's INFO",
                "", "Stop with Ctrl-C or SIGTERM: the server stops accepting, flushes what is pending and exits.",
                "SIGHUP reloads the config file and flags: authorization and limits change, connections stay."})
public final class ServerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = {"-a", "--addr", "--net"}, paramLabel = "HOST", description = "Bind to host address (default: 0.0.0.0).")
    private String host;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "Use port for clients (default: 4222).")
    private Integer port;

    @Option(names = {"-n", "--name", "--server_name"}, paramLabel = "NAME", description = "Server name (default: the server id).")
    private String name;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Configuration file (nats-server format).")
    private Path config;

    @Option(names = {"-m", "--http_port"}, paramLabel = "PORT", description = "HTTP port for monitoring (/varz, /connz, /subsz, /healthz, /metrics).")
    private Integer httpPort;

    @Option(names = {"-ms", "--https_port"}, paramLabel = "PORT", description = "HTTPS port for monitoring (not available yet).")
    private Integer httpsPort;

    @Option(names = {"-js", "--jetstream"}, description = "Enable JetStream (streams; store in --store_dir).")
    private boolean jetstream;

    @Option(names = {"-sd", "--store_dir"}, paramLabel = "DIR", description = "JetStream store directory (default: data/store).")
    private Path storeDir;

    @Option(names = {"-D", "--debug"}, description = "Enable debug logging.")
    private boolean debug;

    @Option(names = {"-V", "--trace"}, description = "Trace the raw protocol.")
    private boolean trace;

    @Option(names = {"-DV"}, description = "Debug and trace.")
    private boolean debugAndTrace;

    @Option(names = {"-l", "--log"}, paramLabel = "FILE", description = "File to redirect log output.")
    private Path logFile;

    @Option(names = {"--max_payload"}, paramLabel = "BYTES", description = "Maximum message payload (default: 1MB).")
    private Integer maxPayload;

    @Option(names = {"--user"}, paramLabel = "USER", description = "User required for connections.")
    private String user;

    @Option(names = {"--pass"}, paramLabel = "PASSWORD", description = "Password required for connections.")
    private String password;

    @Option(names = {"--auth"}, paramLabel = "TOKEN", description = "Authorization token required for connections.")
    private String token;

    @Mixin
    private TlsFlags tlsFlags = new TlsFlags();

    @Option(names = {"--signal"}, paramLabel = "SIGNAL=PID",
            description = "Send a signal to a running server and exit: reload=PID.")
    private String signal;

    @Override
    public Integer call() throws Exception {
        if (signal != null) {
            return SignalSender.send(signal);
        }
        if (httpsPort != null) {
            throw new NotAvailableYetException("HTTPS monitoring (-ms/--https_port)");
        }
        ServerOptions options = options();
        LogSetup.apply(options);
        HermodServer server = new HermodServer(options);
        JetStreamStartup.Running jetStream = JetStreamStartup.startIfEnabled(server, options);
        try {
            server.start();
        } catch (InterruptedException | RuntimeException e) {
            if (jetStream != null) {
                jetStream.close();
            }
            throw e;
        }
        ReloadOnHangup.install(() -> server.reload(reloadedOptions()));
        Thread hook = new Thread(() -> {
            // JetStream first: its pending writes complete and their PubAcks go out before the server drains.
            if (jetStream != null) {
                jetStream.close();
            }
            server.close();
        }, "hermod-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        server.awaitTermination();
        return 0;
    }

    ServerOptions options() throws Exception {
        ServerOptions.Builder b = ServerOptions.builder();
        if (config != null) {
            ConfigFileLoading.apply(config, b);
        }
        if (host != null) b.host(host);
        if (port != null) b.port(port);
        if (httpPort != null) b.httpPort(httpPort);
        if (name != null) b.serverName(name);
        if (storeDir != null) b.storeDir(storeDir);
        if (jetstream) b.jetstream(true);
        if (maxPayload != null) b.maxPayload(maxPayload);
        if (debug || debugAndTrace) b.debug(true);
        if (trace || debugAndTrace) b.trace(true);
        if (logFile != null) b.logFile(logFile);
        if (user != null || token != null) {
            // As in nats-server, the flags replace the config file's authorization.
            b.authorization(new AuthConfig(token, user, user == null ? null : (password == null ? "" : password),
                    List.of(), List.of(), null));
        }
        ServerOptions built = b.build();
        // The flags' TLS keeps the config file's timeout and verify_and_map, so it is applied to the built options.
        return tlsFlags.given() ? built.toBuilder().tls(tlsFlags.apply(built.tls())).build() : built;
    }

    /** The config file read again with the same flags on top, for a reload. */
    private ServerOptions reloadedOptions() {
        try {
            return options();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
