package io.hermod.core.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.util.function.Supplier;

/**
 * Waits for the WebSocket upgrade to complete, then puts the {@link WebSocketFrameCodec} and the NATS handler in
 * its place and tells them the connection is active: for the NATS handler a websocket connection begins when the
 * upgrade is done (that is when nats-server sends INFO), not when the TCP connection was accepted.
 */
final class WebSocketSessionStarter extends ChannelInboundHandlerAdapter {
    private final Supplier<ChannelHandler> natsHandler;

    WebSocketSessionStarter(Supplier<ChannelHandler> natsHandler) {
        this.natsHandler = natsHandler;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (!(evt instanceof WebSocketServerProtocolHandler.HandshakeComplete)) {
            ctx.fireUserEventTriggered(evt);
            return;
        }
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.addAfter(ctx.name(), ClientPipelines.WEBSOCKET_FRAMES, new WebSocketFrameCodec());
        pipeline.addAfter(ClientPipelines.WEBSOCKET_FRAMES, ClientPipelines.NATS, natsHandler.get());
        ctx.fireChannelActive();
        pipeline.remove(this);
    }
}
