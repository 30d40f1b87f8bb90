package io.hermod.core.server;

import io.hermod.core.auth.AuthConfig;
import io.hermod.core.transport.TlsSettings;
import io.hermod.core.transport.WebSocketSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the server is configured with, built once from defaults, the config file and the command line
 * (in that order of precedence, lowest first) and handed down; nothing reads configuration from globals.
 * Defaults are nats-server 2.9's ({@code server/const.go}).
 */
public final class ServerOptions {
    public static final int DEFAULT_PORT = 4222;
    public static final int DEFAULT_MAX_PAYLOAD = 1024 * 1024;
    public static final int DEFAULT_MAX_CONNECTIONS = 64 * 1024;
    public static final int DEFAULT_MAX_CONTROL_LINE = 4096;
    public static final long DEFAULT_MAX_PENDING = 64L * 1024 * 1024;
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofMinutes(2);
    public static final int DEFAULT_PING_MAX = 2;
    public static final Duration DEFAULT_WRITE_DEADLINE = Duration.ofSeconds(10);
    public static final Duration DEFAULT_AUTH_TIMEOUT = Duration.ofSeconds(2);

    private final String host;
    private final int port;
    private final String serverName;
    private final int maxPayload;
    private final int maxConnections;
    private final int maxControlLine;
    private final int maxSubscriptions;
    private final long maxPending;
    private final Duration pingInterval;
    private final int pingMax;
    private final Duration writeDeadline;
    private final Duration authTimeout;
    private final AuthConfig authorization;
    private final boolean debug;
    private final boolean trace;
    private final boolean logtime;
    private final Path logFile;
    private final boolean jetstream;
    private final Path storeDir;
    private final JetStreamOptions jetStreamOptions;
    private final int httpPort;
    private final String httpHost;
    private final TlsSettings tls;
    private final WebSocketSettings websocket;

    private ServerOptions(Builder b, AuthConfig authorization) {
        this.host = b.host;
        this.port = b.port;
        this.serverName = b.serverName;
        this.maxPayload = b.maxPayload;
        this.maxConnections = b.maxConnections;
        this.maxControlLine = b.maxControlLine;
        this.maxSubscriptions = b.maxSubscriptions;
        this.maxPending = b.maxPending;
        this.pingInterval = b.pingInterval;
        this.pingMax = b.pingMax;
        this.writeDeadline = b.writeDeadline;
        this.authTimeout = b.authTimeout;
        this.authorization = authorization;
        this.debug = b.debug;
        this.trace = b.trace;
        this.logtime = b.logtime;
        this.logFile = b.logFile;
        this.jetstream = b.jetstream;
        this.storeDir = b.storeDir;
        this.jetStreamOptions = b.jetStreamOptions;
        this.httpPort = b.httpPort;
        this.httpHost = b.httpHost;
        this.tls = b.tls;
        this.websocket = b.websocket;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.serverName = serverName;
        b.maxPayload = maxPayload;
        b.maxConnections = maxConnections;
        b.maxControlLine = maxControlLine;
        b.maxSubscriptions = maxSubscriptions;
        b.maxPending = maxPending;
        b.pingInterval = pingInterval;
        b.pingMax = pingMax;
        b.writeDeadline = writeDeadline;
        b.authTimeout = authTimeout;
        b.authorization = authorization.withNoAuthUser(null);
        b.noAuthUser = authorization.noAuthUser();
        b.debug = debug;
        b.trace = trace;
        b.logtime = logtime;
        b.logFile = logFile;
        b.jetstream = jetstream;
        b.storeDir = storeDir;
        b.jetStreamOptions = jetStreamOptions;
        b.httpPort = httpPort;
        b.httpHost = httpHost;
        b.tls = tls;
        b.websocket = websocket;
        return b;
    }

    public String host() { return host; }
    public int port() { return port; }
    /** May be null: the server then uses its generated id as name, as nats-server does. */
    public String serverName() { return serverName; }
    public int maxPayload() { return maxPayload; }
    public int maxConnections() { return maxConnections; }
    public int maxControlLine() { return maxControlLine; }
    /** 0 means unlimited. */
    public int maxSubscriptions() { return maxSubscriptions; }
    public long maxPending() { return maxPending; }
    public Duration pingInterval() { return pingInterval; }
    public int pingMax() { return pingMax; }
    public Duration writeDeadline() { return writeDeadline; }
    public Duration authTimeout() { return authTimeout; }
    /** Client authentication, no_auth_user included; {@link AuthConfig#NONE} when clients need none. */
    public AuthConfig authorization() { return authorization; }
    public boolean debug() { return debug; }
    public boolean trace() { return trace; }
    public boolean logtime() { return logtime; }
    /** May be null: log to the console. */
    public Path logFile() { return logFile; }
    public boolean jetstream() { return jetstream; }
    public Path storeDir() { return storeDir; }
    /** The limits of the {@code jetstream} block (defaults when there was none). */
    public JetStreamOptions jetStreamOptions() { return jetStreamOptions; }
    /** The monitoring HTTP port: 0 means no monitoring endpoint, -1 a free port picked at start (as nats-server). */
    public int httpPort() { return httpPort; }
    /** The monitoring HTTP host; null means the client {@link #host()}, as in nats-server. */
    public String httpHost() { return httpHost; }
    /** TLS for client connections on the main listener; null for plaintext. */
    public TlsSettings tls() { return tls; }
    /** The websocket listener; null when there is none. */
    public WebSocketSettings websocket() { return websocket; }

    /** Mutable, single-threaded; {@link #build()} validates. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = DEFAULT_PORT;
        private String serverName;
        private int maxPayload = DEFAULT_MAX_PAYLOAD;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int maxControlLine = DEFAULT_MAX_CONTROL_LINE;
        private int maxSubscriptions;
        private long maxPending = DEFAULT_MAX_PENDING;
        private Duration pingInterval = DEFAULT_PING_INTERVAL;
        private int pingMax = DEFAULT_PING_MAX;
        private Duration writeDeadline = DEFAULT_WRITE_DEADLINE;
        private Duration authTimeout = DEFAULT_AUTH_TIMEOUT;
        private AuthConfig authorization = AuthConfig.NONE;
        private String noAuthUser;
        private boolean debug;
        private boolean trace;
        private boolean logtime = true;
        private Path logFile;
        private boolean jetstream;
        private Path storeDir = Path.of("data", "store");
        private JetStreamOptions jetStreamOptions = JetStreamOptions.DEFAULTS;
        private int httpPort;
        private String httpHost;
        private TlsSettings tls;
        private WebSocketSettings websocket;

        private Builder() {
        }

        public Builder host(String v) { host = Objects.requireNonNull(v, "host"); return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder serverName(String v) { serverName = v; return this; }
        public Builder maxPayload(int v) { maxPayload = v; return this; }
        public Builder maxConnections(int v) { maxConnections = v; return this; }
        public Builder maxControlLine(int v) { maxControlLine = v; return this; }
        public Builder maxSubscriptions(int v) { maxSubscriptions = v; return this; }
        public Builder maxPending(long v) { maxPending = v; return this; }
        public Builder pingInterval(Duration v) { pingInterval = Objects.requireNonNull(v, "pingInterval"); return this; }
        public Builder pingMax(int v) { pingMax = v; return this; }
        public Builder writeDeadline(Duration v) { writeDeadline = Objects.requireNonNull(v, "writeDeadline"); return this; }
        public Builder authTimeout(Duration v) { authTimeout = Objects.requireNonNull(v, "authTimeout"); return this; }
        /** The {@code authorization} block; its own no_auth_user, if any, yields to {@link #noAuthUser}. */
        public Builder authorization(AuthConfig v) { authorization = Objects.requireNonNull(v, "authorization"); return this; }
        public Builder noAuthUser(String v) { noAuthUser = v; return this; }
        public Builder debug(boolean v) { debug = v; return this; }
        public Builder trace(boolean v) { trace = v; return this; }
        public Builder logtime(boolean v) { logtime = v; return this; }
        public Builder logFile(Path v) { logFile = v; return this; }
        public Builder jetstream(boolean v) { jetstream = v; return this; }
        public Builder storeDir(Path v) { storeDir = Objects.requireNonNull(v, "storeDir"); return this; }
        public Builder jetStreamOptions(JetStreamOptions v) { jetStreamOptions = Objects.requireNonNull(v, "jetStreamOptions"); return this; }
        public Builder httpPort(int v) { httpPort = v; return this; }
        public Builder httpHost(String v) { httpHost = v; return this; }
        public Builder tls(TlsSettings v) { tls = v; return this; }
        public Builder websocket(WebSocketSettings v) { websocket = v; return this; }

        public ServerOptions build() {
            require(port >= 0 && port <= 65535, "port must be between 0 and 65535: " + port);
            require(maxPayload > 0, "max_payload must be positive: " + maxPayload);
            require(maxConnections > 0, "max_connections must be positive: " + maxConnections);
            require(maxControlLine >= 64, "max_control_line must be at least 64: " + maxControlLine);
            require(maxSubscriptions >= 0, "max_subscriptions must not be negative: " + maxSubscriptions);
            require(maxPending > 0, "max_pending must be positive: " + maxPending);
            require(maxPayload <= maxPending, "max_payload (" + maxPayload + ") can not exceed max_pending (" + maxPending + ")");
            require(!pingInterval.isNegative() && !pingInterval.isZero(), "ping_interval must be positive: " + pingInterval);
            require(pingMax > 0, "ping_max must be positive: " + pingMax);
            require(httpPort >= -1 && httpPort <= 65535, "http_port must be between -1 and 65535: " + httpPort);
            require(!authTimeout.isNegative(), "authorization timeout must not be negative: " + authTimeout);
            // Throws when the no_auth_user is not one of the users, as nats-server refuses such a config.
            AuthConfig auth = noAuthUser == null ? authorization : authorization.withNoAuthUser(noAuthUser);
            return new ServerOptions(this, auth);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
