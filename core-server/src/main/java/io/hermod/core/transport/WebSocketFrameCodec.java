package io.hermod.core.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;

import java.nio.channels.ClosedChannelException;

/**
 * Between Netty's WebSocket handlers and the NATS handler: inbound, the payload of binary, text and continuation
 * frames is handed on as plain bytes (NATS is a byte stream, so frame boundaries do not matter); outbound, each
 * buffer the NATS handler writes becomes one binary frame. A close started by the server sends a close frame
 * first, with the status and text nats-server uses for the {@link CloseReason} recorded on the channel. Control
 * frames (ping, pong, a client's close) are answered by Netty's protocol handler in front of this one.
 */
final class WebSocketFrameCodec extends ChannelDuplexHandler {
    private boolean closeFrameSent;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof BinaryWebSocketFrame || msg instanceof TextWebSocketFrame
                || msg instanceof ContinuationWebSocketFrame) {
            ctx.fireChannelRead(((WebSocketFrame) msg).content());
        } else if (msg instanceof WebSocketFrame) {
            ReferenceCountUtil.release(msg);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
            if (closeFrameSent) {
                // Nothing may follow a close frame.
                bytes.release();
                promise.setFailure(new ClosedChannelException());
            } else {
                ctx.write(new BinaryWebSocketFrame(bytes), promise);
            }
        } else {
            ctx.write(msg, promise);
        }
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (closeFrameSent || !ctx.channel().isActive()) {
            ctx.close(promise);
            return;
        }
        closeFrameSent = true;
        CloseReason reason = CloseReason.of(ctx.channel());
        if (reason == null) {
            reason = CloseReason.NORMAL_CLOSURE;
        }
        ctx.writeAndFlush(new CloseWebSocketFrame(reason.webSocketStatus(), reason.text()))
                .addListener(f -> ctx.close(promise));
    }
}
