package io.hermod.core.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermod.core.auth.Authenticator;
import io.hermod.core.auth.ConnectionPermissions;
import io.hermod.core.auth.Permissions;
import io.hermod.core.client.InProcessConnection;
import io.hermod.core.monitor.JetStreamReporter;
import io.hermod.core.monitor.MonitorServer;
import io.hermod.core.routing.MessageRouter;
import io.hermod.core.transport.ClientPipelines;
import io.hermod.core.transport.CloseReason;
import io.hermod.core.transport.WebSocketSettings;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running NATS-protocol server: binds the client listener (plain or TLS) and, when configured, the websocket
 * listener, accepts clients and routes their messages. Start with
 * {@link #start()}; {@link #close()} shuts down gracefully (stop accepting, flush what is pending, close).
 */
public final class HermodServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HermodServer.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private volatile ServerOptions options;
    private final ServerIdentity identity;
    private final MessageRouter router = new MessageRouter();
    private final ServerStats stats = new ServerStats();
    private final ConnectionRegistry registry;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Transport transport = Transport.best();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final AtomicReference<LiveSettings> live = new AtomicReference<>();

    private EventLoopGroup acceptors;
    private EventLoopGroup workers;
    private EventLoopGroup monitorLoop;
    private MonitorServer monitor;
    private Channel listener;
    private Channel websocketListener;
    /** Websocket channels from accept on, so that shutdown also closes those still in their HTTP upgrade. */
    private final ChannelGroup websocketChannels = new DefaultChannelGroup("hermod-websocket",
            GlobalEventExecutor.INSTANCE);
    private ServerContext context;
    private volatile boolean closing;
    private volatile JetStreamReporter jetStreamReporter;

    /**
     * Loads what constructing the first server spends its time on, the native socket transport (epoll's library
     * and classes) and Jackson's set-up, some 80 ms together, so that a caller can have it done on another thread
     * while it prepares the server's options.
     */
    public static void preload() {
        Transport.best();
        new ObjectMapper();
    }

    public HermodServer(ServerOptions options) {
        this.options = options;
        // Fails early on a broken authorization (e.g. a malformed NKey), before anything binds.
        new Authenticator(options.authorization());
        this.identity = ServerIdentity.generate(options.serverName());
        this.registry = new ConnectionRegistry(options.maxConnections());
    }

    /** Binds the listener; returns once clients can connect. */
    public synchronized HermodServer start() throws InterruptedException {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        Instant startTime = Instant.now();
        acceptors = transport.newGroup(1, "hermod-accept");
        workers = transport.newGroup(Runtime.getRuntime().availableProcessors(), "hermod-io");
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                // Accepting starts only once the context (which needs the bound port) exists.
                .option(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(ClientPipelines.tcp(options.tls(), () -> new ClientConnection(context, false)));
        try {
            listener = bootstrap.bind(options.host(), options.port()).sync().channel();
        } catch (Exception e) {
            shutdownGroups();
            throw e;
        }
        int port = port();
        live.set(settingsFor(options, port));
        context = new ServerContext(live, identity, router, stats, registry, json);
        if (options.httpPort() != 0) {
            startMonitor(startTime, port);
        }
        log.info("Starting hermod {} (NATS {} compatible), server id {}", HermodVersionInfo.HERMOD_VERSION,
                HermodVersionInfo.NATS_COMPATIBLE_VERSION, identity.id());
        if (options.websocket() != null) {
            try {
                startWebsocketListener(options.websocket());
            } catch (Exception e) {
                listener.close();
                listener = null;
                shutdownGroups();
                throw e;
            }
        }
        listener.config().setAutoRead(true);
        log.info("Listening for client connections on {}:{} ({} transport)", options.host(), port, transport.name());
        if (options.tls() != null) {
            log.info("TLS required for client connections");
        }
        log.info("Server is ready");
        return this;
    }

    /** The monitoring HTTP listener on its own event loop; host defaults to the client host, as in nats-server. */
    private void startMonitor(Instant startTime, int clientPort) throws InterruptedException {
        String httpHost = options.httpHost() != null ? options.httpHost() : options.host();
        monitorLoop = transport.newGroup(1, "hermod-monitor");
        monitor = new MonitorServer(new ServerMonitorSource(options, identity, router, stats, registry, startTime,
                clientPort, httpHost, this::httpPort, () -> jetStreamReporter), monitorLoop, transport.serverChannel());
        try {
            monitor.start(httpHost, Math.max(0, options.httpPort()));
        } catch (Exception e) {
            listener.close();
            shutdownGroups();
            throw e;
        }
    }

    /** Websocket channels accepted and not yet closed, upgraded or not (for tests of shutdown). */
    int websocketChannelCount() {
        return websocketChannels.size();
    }

    /** JetStream registers here while it runs, so that {@code /jsz} reports it; null unregisters. */
    public void jetStreamReporter(JetStreamReporter reporter) {
        this.jetStreamReporter = reporter;
    }

    /** The monitoring port actually bound, or 0 when monitoring is off. */
    public int httpPort() {
        return monitor == null ? 0 : monitor.port();
    }

    private LiveSettings settingsFor(ServerOptions opts, int boundPort) {
        return new LiveSettings(opts, new ServerInfoEncoder(json, identity, opts, boundPort),
                new Authenticator(opts.authorization()));
    }

    /**
     * Applies a new configuration without dropping connections, as nats-server's reload does: authorization
     * (users, passwords, tokens, permissions; connected clients whose credentials no longer pass are closed with
     * 'Authorization Violation', subscriptions their new permissions forbid are removed), max_connections and
     * max_payload for connections yet to come, ping interval and ping max, the auth timeout.
     *
     * @throws IllegalArgumentException when the new options change what can not change while running (host, port)
     */
    public synchronized void reload(ServerOptions newOptions) {
        Objects.requireNonNull(newOptions, "newOptions");
        if (listener == null || closing) {
            throw new IllegalStateException("server is not running");
        }
        if (!newOptions.host().equals(options.host()) || newOptions.port() != options.port()) {
            throw new IllegalArgumentException("config reload not supported for host or port");
        }
        LiveSettings next = settingsFor(newOptions, port());
        options = newOptions;
        live.set(next);
        registry.maxConnections(newOptions.maxConnections());
        for (ClientConnection connection : registry.all()) {
            connection.channel().eventLoop().execute(() -> connection.reload(next));
        }
        log.info("Reloaded server configuration");
    }

    private void startWebsocketListener(WebSocketSettings ws) throws InterruptedException {
        ChannelInitializer<SocketChannel> pipeline = ClientPipelines.websocket(ws, maxWebsocketFrame(),
                () -> new ClientConnection(context, true));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        websocketChannels.add(ch);
                        ch.pipeline().addLast(pipeline);
                    }
                });
        websocketListener = bootstrap.bind(ws.host(), ws.port()).sync().channel();
        log.info("Listening for websocket clients on {}://{}:{}", ws.secure() ? "wss" : "ws", ws.host(),
                websocketPort());
        if (!ws.secure()) {
            log.warn("Websocket not configured with TLS. DO NOT USE IN PRODUCTION!");
        }
    }

    /** A frame must be able to carry one whole message with its control line; nats-server has no frame limit. */
    private int maxWebsocketFrame() {
        long max = (long) options.maxPayload() + options.maxControlLine() + 64 * 1024;
        return (int) Math.min(Integer.MAX_VALUE, max);
    }

    /** The port actually bound (differs from the option when that was 0). */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** The websocket listener's bound port. */
    public int websocketPort() {
        if (websocketListener == null) {
            throw new IllegalStateException("no websocket listener configured");
        }
        return ((InetSocketAddress) websocketListener.localAddress()).getPort();
    }

    public ServerOptions options() {
        return options;
    }

    public String serverId() {
        return identity.id();
    }

    public ServerStats stats() {
        return stats;
    }

    public int connectionCount() {
        return registry.size();
    }

    public int subscriptionCount() {
        return router.subscriptionCount();
    }

    /** A client inside this JVM: publishes and subscribes without a socket (how JetStream plugs in). */
    public InProcessConnection connectInProcess(String name) {
        return new InProcessConnection(name, router);
    }

    /**
     * An in-process client restricted to {@code permissions}, e.g. to serve requests on behalf of a user with the
     * user's rights: its denied publishes and subscriptions throw
     * {@link io.hermod.core.auth.PermissionDeniedException}.
     */
    public InProcessConnection connectInProcess(String name, Permissions permissions) {
        return new InProcessConnection(name, router, ConnectionPermissions.of(permissions));
    }

    /** Stops accepting, lets each connection flush what it has, then closes everything. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closing || listener == null) {
                return;
            }
            closing = true;
        }
        log.info("Initiating shutdown");
        if (monitor != null) {
            monitor.close();
        }
        listener.close().syncUninterruptibly();
        if (websocketListener != null) {
            websocketListener.close().syncUninterruptibly();
        }
        List<io.netty.channel.ChannelFuture> closes = new ArrayList<>();
        for (ClientConnection connection : registry.all()) {
            Channel ch = connection.channel();
            CloseReason.SERVER_SHUTDOWN.recordOn(ch);
            ch.eventLoop().execute(connection::drainAndClose);
            closes.add(ch.closeFuture());
        }
        // Websocket connections still in their HTTP upgrade have nothing to drain.
        websocketChannels.close(ch -> ch.pipeline().get(ClientPipelines.NATS) == null).forEach(closes::add);
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        for (io.netty.channel.ChannelFuture f : closes) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !f.awaitUninterruptibly(left, TimeUnit.NANOSECONDS)) {
                f.channel().close();
            }
        }
        shutdownGroups();
        log.info("Server exiting");
        terminated.countDown();
    }

    /** Blocks until {@link #close()} completed. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    private void shutdownGroups() {
        if (monitorLoop != null) {
            monitorLoop.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
        if (acceptors != null) {
            acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
