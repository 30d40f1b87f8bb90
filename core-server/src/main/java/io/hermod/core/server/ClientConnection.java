package io.hermod.core.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hermod.core.auth.Authenticator;
import io.hermod.core.auth.ClientIdentity;
import io.hermod.core.auth.ConnectionPermissions;
import io.hermod.core.auth.CredentialRedaction;
import io.hermod.core.auth.Nonces;
import io.hermod.core.protocol.ConnectOptions;
import io.hermod.core.protocol.ProtocolError;
import io.hermod.core.protocol.ProtocolListener;
import io.hermod.core.protocol.ProtocolParser;
import io.hermod.core.protocol.ProtocolWriter;
import io.hermod.core.routing.FlushBatch;
import io.hermod.core.routing.MessageSink;
import io.hermod.core.routing.Subscription;
import io.hermod.core.subject.SubjectValidator;
import io.hermod.core.transport.CloseReason;
import io.hermod.core.transport.TlsSettings;
import io.hermod.core.transport.TransportSecurity;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One client connection: the last handler of its channel's pipeline, whatever transport is in front of it.
 * It parses what the client sends, routes publishes, and owns the client's subscriptions, outbound buffer and
 * keepalive. All of its methods but {@link #deliver} run on the channel's event loop.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter implements ProtocolListener, MessageSink {
    private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);
    private static final java.time.Duration FIRST_PING = java.time.Duration.ofSeconds(2);

    private final ServerContext server;
    /** Replaced on reload (on the event loop); the parser keeps the limits the connection started with. */
    private LiveSettings settings;
    private ServerOptions options;
    private final long clientId;
    private final FlushBatch batch = new FlushBatch();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final ProtocolParser parser;
    private final ConnectionMetrics metrics = new ConnectionMetrics();

    private Channel channel;
    private OutboundBuffer out;
    private ByteBuf cumulation;
    private volatile ConnectOptions connect = ConnectOptions.defaults();
    private volatile boolean closed;
    private int pingsOutstanding;
    private boolean connectReceived;
    private ScheduledFuture<?> pingTimer;
    private ScheduledFuture<?> writeDeadlineTimer;
    /** Set while authentication is required and no CONNECT passed it yet; only the event loop touches it. */
    private boolean awaitingAuth;
    private ScheduledFuture<?> authTimer;
    /** The nonce an NKey user must sign; null when the server has no NKey users. */
    private String nonce;
    /** Null when the client may publish and subscribe anywhere. Written on the event loop, read by deliverers. */
    private volatile ConnectionPermissions permissions;
    private final boolean websocket;

    /**
     * @param websocket whether the client came through the websocket listener, whose own {@code tls} block then
     *                  decides {@code verify_and_map}, as in nats-server
     */
    ClientConnection(ServerContext server, boolean websocket) {
        this.server = server;
        this.websocket = websocket;
        this.settings = server.settings();
        this.options = settings.options();
        this.clientId = server.registry().nextClientId();
        this.parser = new ProtocolParser(this, options.maxControlLine(), options.maxPayload());
    }

    long clientId() {
        return clientId;
    }

    Channel channel() {
        return channel;
    }

    /**
     * The client's TLS certificate chain, leaf first, verified against the configured CA during the handshake
     * (which completes before any CONNECT is read); empty without TLS or without a client certificate. For mapping
     * a certificate to a user ({@code verify_and_map}). Call on the event loop.
     */
    List<X509Certificate> peerCertificates() {
        return TransportSecurity.peerCertificates(channel);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        out = new OutboundBuffer(channel, options.maxPending(), metrics);
        server.stats().totalConnections.increment();
        nonce = settings.authenticator().nonceRequired() ? Nonces.next() : null;
        String info = settings.info().infoLine(clientId, clientIp(), nonce);
        if (!server.registry().register(this)) {
            log.warn("Maximum connections ({}) reached, refusing {}", options.maxConnections(), channel.remoteAddress());
            closed = true;
            CloseReason.MAX_CONNECTIONS_EXCEEDED.recordOn(channel);
            writeDirect(info + ProtocolError.MAX_CONNECTIONS.line() + "\r\n")
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        writeDirect(info);
        if (settings.authenticator().required()) {
            startAuthTimer();
        }
        schedulePings(options.pingInterval());
        log.debug("{} connected", this);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        if (closed) {
            in.release();
            return;
        }
        metrics.activity();
        if (awaitingAuth && cumulation == null && in.isReadable() && !startsConnect(in)) {
            // Under authentication nats-server refuses anything but CONNECT first, whatever it is.
            in.release();
            log.debug("{} operation before CONNECT while authentication is required", this);
            sendError(ProtocolError.AUTH_VIOLATION);
            return;
        }
        ByteBuf buf = cumulate(in);
        try {
            parser.parse(buf);
        } finally {
            if (buf.isReadable() && !parser.failed()) {
                cumulation = buf;
                buf.discardSomeReadBytes();
            } else {
                cumulation = null;
                buf.release();
            }
        }
        if (parser.failed()) {
            closeAfterFlush();
        }
    }

    private static boolean startsConnect(ByteBuf in) {
        byte first = in.getByte(in.readerIndex());
        return first == 'C' || first == 'c';
    }

    /** Joins leftover bytes of an incomplete operation with the new read, as ByteToMessageDecoder does. */
    private ByteBuf cumulate(ByteBuf in) {
        ByteBuf previous = cumulation;
        if (previous == null) {
            return in;
        }
        cumulation = null;
        try {
            int required = in.readableBytes();
            if (previous.writableBytes() < required || previous.refCnt() > 1 || previous.isReadOnly()) {
                ByteBuf merged = channel.alloc().buffer(previous.readableBytes() + required);
                merged.writeBytes(previous);
                previous.release();
                previous = merged;
            }
            previous.writeBytes(in);
            return previous;
        } finally {
            in.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        batch.flushAll();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // write_deadline: a client whose socket stays full that long is a slow consumer, as in nats-server.
        if (!channel.isWritable()) {
            if (writeDeadlineTimer == null) {
                writeDeadlineTimer = channel.eventLoop().schedule(this::onWriteDeadline,
                        options.writeDeadline().toNanos(), TimeUnit.NANOSECONDS);
            }
        } else if (writeDeadlineTimer != null) {
            writeDeadlineTimer.cancel(false);
            writeDeadlineTimer = null;
        }
        ctx.fireChannelWritabilityChanged();
    }

    private void onWriteDeadline() {
        writeDeadlineTimer = null;
        if (!channel.isWritable() && !closed) {
            log.info("{} Slow Consumer Detected: WriteDeadline of {} exceeded", this, options.writeDeadline());
            metrics.closing(CloseReasons.SLOW_CONSUMER_DEADLINE);
            slowConsumer();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed = true;
        if (pingTimer != null) {
            pingTimer.cancel(false);
        }
        if (writeDeadlineTimer != null) {
            writeDeadlineTimer.cancel(false);
        }
        cancelAuthTimer();
        server.registry().unregister(this);
        for (Subscription sub : subscriptions.values()) {
            server.router().unsubscribe(sub);
        }
        subscriptions.clear();
        if (out != null) {
            out.close();
        }
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
        log.debug("{} closed", this);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("{} error: {}", this, cause.toString());
        metrics.closing(CloseReasons.READ_ERROR);
        ctx.close();
    }

    // ---- operations from the client ----

    @Override
    public void onConnect(String json) {
        if (closed) {
            return;
        }
        if (options.trace() && log.isTraceEnabled()) {
            trace("CONNECT", CredentialRedaction.redact(json));
        }
        ConnectOptions parsed;
        try {
            parsed = server.json().readValue(json, ConnectOptions.class);
        } catch (JsonProcessingException e) {
            log.debug("{} bad CONNECT: {}", this, e.getOriginalMessage());
            sendError(ProtocolError.PROTOCOL_VIOLATION);
            return;
        }
        if (parsed == null || parsed.protocol < 0 || parsed.protocol > 1) {
            sendError(parsed == null ? ProtocolError.PROTOCOL_VIOLATION : ProtocolError.INVALID_CLIENT_PROTOCOL);
            return;
        }
        boolean first = !connectReceived;
        connectReceived = true;
        connect = parsed;
        if (!authenticate(settings.authenticator())) {
            return;
        }
        if (parsed.noResponders && !parsed.headers) {
            // A 503 status is a header: nats-server closes a client that asks for one without headers.
            sendError(ProtocolError.NO_RESPONDERS_REQUIRES_HEADERS);
            return;
        }
        ok();
        if (first) {
            // Like nats-server, ping soon after CONNECT (at most 2 s) to learn early whether the client answers.
            schedulePings(options.pingInterval().compareTo(FIRST_PING) < 0 ? options.pingInterval() : FIRST_PING);
        }
    }

    @Override
    public void onPublish(String subject, String replyTo, int headerLength, ByteBuf message) {
        if (closed) {
            return;
        }
        if (log.isTraceEnabled()) {
            trace(headerLength < 0 ? "PUB" : "HPUB", subject + (replyTo == null ? "" : " " + replyTo)
                    + " " + message.readableBytes());
        }
        ConnectOptions opts = connect;
        if (headerLength >= 0 && !opts.headers) {
            sendError(ProtocolError.PROTOCOL_VIOLATION);
            return;
        }
        if (opts.pedantic && !SubjectValidator.isValidPublishSubject(subject)) {
            // nats-server complains but still routes the message.
            sendError(ProtocolError.INVALID_PUBLISH_SUBJECT);
        }
        ConnectionPermissions perms = permissions;
        if (perms != null && !perms.canPublish(subject)) {
            log.info("{} Publish Violation - Subject \"{}\"", this, subject);
            sendError(ProtocolError.publishViolation(subject));
            return;
        }
        ok(); // nats-server acknowledges before routing, so +OK precedes a MSG the publisher gets itself
        server.stats().inMessages.increment();
        server.stats().inBytes.add(message.readableBytes());
        metrics.published(message.readableBytes());
        // The one route overload the hot paths call, so that the JIT compiles (and inlines) one copy of it.
        server.router().route(this, opts.noResponders && opts.headers, subject, subject, replyTo, headerLength,
                message, batch);
    }

    @Override
    public void onSubscribe(String subject, String queue, String sid) {
        if (closed) {
            return;
        }
        trace("SUB", subject + (queue == null ? "" : " " + queue) + " " + sid);
        if (!SubjectValidator.isValidFilter(subject)
                || (queue != null && !SubjectValidator.isValidQueueName(queue))) {
            sendError(ProtocolError.INVALID_SUBJECT);
            return;
        }
        ConnectionPermissions perms = permissions;
        if (perms != null && !perms.canSubscribe(subject)) {
            log.info("{} Subscription Violation - Subject \"{}\", SID {}", this, subject, sid);
            sendError(ProtocolError.subscriptionViolation(subject, queue));
            return;
        }
        if (options.maxSubscriptions() > 0 && subscriptions.size() >= options.maxSubscriptions()) {
            log.info("{} maximum subscriptions exceeded", this);
            sendError(ProtocolError.MAX_SUBSCRIPTIONS);
            return;
        }
        Subscription sub = new Subscription(subject, queue, sid, this);
        if (subscriptions.putIfAbsent(sid, sub) == null) {
            server.router().subscribe(sub);
        }
        ok();
    }

    @Override
    public void onUnsubscribe(String sid, long max) {
        if (closed) {
            return;
        }
        trace("UNSUB", sid + (max < 0 ? "" : " " + max));
        Subscription sub = subscriptions.get(sid);
        if (sub != null) {
            if (max > 0) {
                sub.maxMessages(max);
            }
            if (max <= 0 || sub.exhausted()) {
                subscriptions.remove(sid);
                server.router().unsubscribe(sub);
            }
        }
        ok();
    }

    @Override
    public void onPing() {
        if (closed) {
            return;
        }
        trace("PING", "");
        appendProtocol(ProtocolWriter.PONG);
    }

    @Override
    public void onPong() {
        trace("PONG", "");
        pingsOutstanding = 0;
        metrics.pongReceived();
    }

    @Override
    public void onErr(String text) {
        log.info("{} Client Error {}", this, text);
    }

    @Override
    public void onProtocolError(ProtocolError error) {
        log.debug("{} protocol error: {}", this, error.silent() ? "malformed operation" : error.text());
        sendError(error);
    }

    // ---- delivery to this client, from any thread ----

    @Override
    public void deliver(Subscription subscription, String subject, String replyTo, int headerLength,
                        ByteBuf message, FlushBatch publisherBatch) {
        ConnectionPermissions perms = permissions;
        if (perms != null) {
            if (!perms.canReceive(subscription.subject(), subject)) {
                return;
            }
            perms.replyReceived(replyTo);
        }
        OutboundBuffer buffer = out;
        boolean withinLimit;
        int written;
        synchronized (buffer) {
            ByteBuf target = buffer.appendable(
                    ProtocolWriter.messageSizeHint(subject, subscription.sid(), replyTo, message));
            if (target == null) {
                return;
            }
            int before = target.writerIndex();
            ProtocolWriter.writeMessage(target, subject, subscription.sid(), replyTo, headerLength, message,
                    connect.headers);
            written = target.writerIndex() - before;
            withinLimit = buffer.appended(written);
            if (withinLimit) {
                metrics.delivered(message.readableBytes());
            }
        }
        if (!withinLimit) {
            log.info("{} Slow Consumer Detected: MaxPending of {} Exceeded", this, options.maxPending());
            metrics.closing(CloseReasons.SLOW_CONSUMER_PENDING);
            if (channel.eventLoop().inEventLoop()) {
                slowConsumer();
            } else {
                channel.eventLoop().execute(this::slowConsumer);
            }
            return;
        }
        server.stats().outMessages.increment();
        server.stats().outBytes.add(message.readableBytes());
        buffer.schedule(publisherBatch);
    }

    @Override
    public boolean echo() {
        return connect.echo;
    }

    @Override
    public void subscriptionEnded(Subscription subscription) {
        subscriptions.remove(subscription.sid(), subscription);
    }

    // ---- authentication and reload ----

    /** Checks the CONNECT just received; on failure the client gets 'Authorization Violation' and is closed. */
    private boolean authenticate(Authenticator authenticator) {
        if (!authenticator.required()) {
            permissions = null;
            return true;
        }
        Optional<ClientIdentity> identity = authenticator.authenticate(connect, nonce, mapsCertificateToUser(),
                peerCertificates());
        if (identity.isEmpty()) {
            log.info("{} authentication error", this);
            sendError(ProtocolError.AUTH_VIOLATION);
            return false;
        }
        awaitingAuth = false;
        cancelAuthTimer();
        permissions = ConnectionPermissions.of(identity.get().permissions());
        return true;
    }

    /** Whether this client's listener has {@code verify_and_map}, in the current (possibly reloaded) options. */
    private boolean mapsCertificateToUser() {
        TlsSettings tls = websocket ? (options.websocket() == null ? null : options.websocket().tls()) : options.tls();
        return tls != null && tls.mapCertificateToUser();
    }

    private void startAuthTimer() {
        awaitingAuth = true;
        cancelAuthTimer();
        authTimer = channel.eventLoop().schedule(this::onAuthTimeout, options.authTimeout().toNanos(),
                TimeUnit.NANOSECONDS);
    }

    private void cancelAuthTimer() {
        if (authTimer != null) {
            authTimer.cancel(false);
            authTimer = null;
        }
    }

    private void onAuthTimeout() {
        authTimer = null;
        if (awaitingAuth && !closed) {
            log.debug("{} authentication timeout", this);
            sendError(ProtocolError.AUTH_TIMEOUT);
        }
    }

    /**
     * Applies reloaded settings, on the event loop: the credentials are checked again against the new
     * authorization (a client that no longer passes is closed with 'Authorization Violation'), the new permissions
     * replace the old and subscriptions they no longer allow are removed. max_payload keeps the value the
     * connection started with, as the parser was built with it.
     */
    void reload(LiveSettings next) {
        if (closed) {
            return;
        }
        ServerOptions previous = options;
        settings = next;
        options = next.options();
        Authenticator authenticator = next.authenticator();
        if (!connectReceived) {
            if (authenticator.required() && !awaitingAuth) {
                startAuthTimer();
            } else if (!authenticator.required()) {
                awaitingAuth = false;
                cancelAuthTimer();
            }
        } else if (!authenticate(authenticator)) {
            return;
        } else {
            dropRevokedSubscriptions();
        }
        if (!previous.pingInterval().equals(options.pingInterval())) {
            schedulePings(options.pingInterval());
        }
        batch.flushAll();
    }

    private void dropRevokedSubscriptions() {
        ConnectionPermissions perms = permissions;
        if (perms == null) {
            return;
        }
        for (Subscription sub : subscriptions.values()) {
            if (!perms.canSubscribe(sub.subject()) && subscriptions.remove(sub.sid(), sub)) {
                server.router().unsubscribe(sub);
                log.info("{} removed subscription \"{}\" (sid {}): not authorized", this, sub.subject(), sub.sid());
                sendError(ProtocolError.subscriptionRevoked(sub.subject(), sub.sid()));
            }
        }
    }

    // ---- keepalive and closing ----

    /** (Re)starts the keepalive: the first PING after {@code first}, then one every ping_interval. */
    private void schedulePings(java.time.Duration first) {
        if (pingTimer != null) {
            pingTimer.cancel(false);
        }
        pingTimer = channel.eventLoop().scheduleAtFixedRate(this::onPingTimer, first.toNanos(),
                options.pingInterval().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void onPingTimer() {
        if (closed) {
            return;
        }
        if (pingsOutstanding + 1 > options.pingMax()) {
            log.debug("{} stale connection", this);
            sendError(ProtocolError.STALE_CONNECTION);
            closeAfterFlush();
            return;
        }
        pingsOutstanding++;
        metrics.pingSent();
        appendProtocol(ProtocolWriter.PING);
        batch.flushAll();
    }

    private void slowConsumer() {
        if (closed) {
            return;
        }
        closed = true;
        CloseReason.SLOW_CONSUMER_PENDING_BYTES.recordOn(channel);
        server.stats().slowConsumers.increment();
        out.close();
        channel.close();
    }

    /** Sends what is buffered, then closes; used after a fatal -ERR. */
    void closeAfterFlush() {
        if (closed) {
            return;
        }
        closed = true;
        batch.flushAll();
        out.flush();
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /** For shutdown: stop reading, send what is buffered, and close. Runs on the event loop. */
    void drainAndClose() {
        metrics.closing(CloseReasons.SERVER_SHUTDOWN);
        channel.config().setAutoRead(false);
        batch.flushAll();
        out.flush();
        closed = true;
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    private void ok() {
        if (connect.verbose) {
            appendProtocol(ProtocolWriter.OK);
        }
    }

    private void sendError(ProtocolError error) {
        if (!error.silent()) {
            appendProtocol((error.line() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (error.closesConnection()) {
            metrics.closing(CloseReasons.of(error));
            CloseReason.forError(error).recordOn(channel);
            closeAfterFlush();
        }
    }

    private void appendProtocol(byte[] bytes) {
        OutboundBuffer buffer = out;
        synchronized (buffer) {
            ByteBuf target = buffer.appendable(bytes.length);
            if (target == null) {
                return;
            }
            target.writeBytes(bytes);
            buffer.appended(bytes.length);
        }
        buffer.schedule(batch);
    }

    private io.netty.channel.ChannelFuture writeDirect(String line) {
        return channel.writeAndFlush(Unpooled.copiedBuffer(line, StandardCharsets.UTF_8));
    }

    private void trace(String op, String args) {
        if (options.trace() && log.isTraceEnabled()) {
            log.trace("{} <<- [{} {}]", this, op, args);
        }
    }

    private String clientIp() {
        SocketAddress address = channel.remoteAddress();
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return "";
    }

    // ---- monitoring (read from the monitor's thread) ----

    ConnectionMetrics metrics() {
        return metrics;
    }

    ConnectOptions connectOptions() {
        return connect;
    }

    Collection<Subscription> subscriptionsView() {
        return subscriptions.values();
    }

    long pendingBytes() {
        OutboundBuffer buffer = out;
        return buffer == null ? 0 : buffer.pendingBytes();
    }

    @Override
    public String toString() {
        return (channel == null ? "?" : String.valueOf(channel.remoteAddress())) + " - cid:" + clientId;
    }
}
