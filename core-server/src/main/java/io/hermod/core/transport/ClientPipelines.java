package io.hermod.core.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtensionHandler;
import io.netty.handler.ssl.SslHandler;

import java.util.function.Supplier;

/**
 * Builds the pipeline of an accepted client channel: the transport's handlers, then the one NATS protocol handler
 * the caller supplies (a new instance per channel). TCP and WebSocket listeners differ only here.
 *
 * <ul>
 *   <li>TCP: {@code nats}</li>
 *   <li>TCP with TLS: {@code tls-guard, tls (first write, the INFO, in plaintext), nats}</li>
 *   <li>WebSocket: {@code [tls-guard, tls,] http, ws-response-headers, http-aggregator, ws-upgrade-check,
 *       [ws-compression,] ws, ws-session}; after the upgrade {@code ws-session} gives way to
 *       {@code ws-frames, nats}</li>
 * </ul>
 */
public final class ClientPipelines {
    public static final String NATS = "nats";
    static final String WEBSOCKET_FRAMES = "ws-frames";
    private static final int MAX_UPGRADE_REQUEST = 64 * 1024;
    private static final long UPGRADE_TIMEOUT_MILLIS = 10_000;

    private ClientPipelines() {
    }

    /** @param tls null for a plaintext listener */
    public static ChannelInitializer<SocketChannel> tcp(TlsSettings tls, Supplier<ChannelHandler> natsHandler) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                if (tls != null) {
                    // nats-server 2.9 sends INFO in plaintext, then the client starts the TLS handshake.
                    addTls(ch, tls, false);
                }
                ch.pipeline().addLast(NATS, natsHandler.get());
            }
        };
    }

    /**
     * @param maxFramePayload the largest frame a client may send; a frame must hold at least one whole message
     */
    public static ChannelInitializer<SocketChannel> websocket(WebSocketSettings settings, int maxFramePayload,
                                                              Supplier<ChannelHandler> natsHandler) {
        OriginPolicy origins = settings.originPolicy();
        WebSocketServerProtocolConfig protocol = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/")
                .checkStartsWith(true)
                .handleCloseFrames(true)
                .sendCloseFrame(null)
                .dropPongFrames(true)
                .handshakeTimeoutMillis(UPGRADE_TIMEOUT_MILLIS)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(maxFramePayload)
                        .expectMaskedFrames(true)
                        .allowExtensions(settings.compression())
                        .closeOnProtocolViolation(true)
                        .withUTF8Validator(false)
                        .build())
                .build();
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                if (settings.secure()) {
                    addTls(ch, settings.tls(), true);
                }
                ChannelPipeline p = ch.pipeline();
                p.addLast("http", new HttpServerCodec());
                p.addLast("ws-response-headers", new UpgradeResponseHeaders());
                p.addLast("http-aggregator", new HttpObjectAggregator(MAX_UPGRADE_REQUEST));
                p.addLast("ws-upgrade-check", new WebSocketUpgradeCheck(origins, settings.secure()));
                if (settings.compression()) {
                    p.addLast("ws-compression", new WebSocketServerExtensionHandler(new NoContextTakeoverDeflate()));
                }
                p.addLast("ws", new WebSocketServerProtocolHandler(protocol));
                p.addLast("ws-session", new WebSocketSessionStarter(natsHandler));
            }
        };
    }

    /**
     * A NATS listener sends INFO before the handshake (start TLS: the first write leaves in plaintext); on a
     * websocket listener the handshake comes first and HTTP runs inside it.
     */
    private static void addTls(SocketChannel ch, TlsSettings tls, boolean websocket) {
        SslHandler ssl = new SslHandler(tls.sslContext().newEngine(ch.alloc()), !websocket);
        // The guard enforces the timeout, closing without an alert as Go does.
        ssl.setHandshakeTimeoutMillis(0);
        ch.pipeline().addLast("tls-guard", new TlsHandshakeGuard(tls.timeout(), websocket));
        ch.pipeline().addLast("tls", ssl);
    }
}
