package io.hermod.core.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Writes the {@code 101 Switching Protocols} response with nats-server's header spelling ({@code Upgrade:
 * websocket}, {@code Connection: Upgrade}, {@code Sec-WebSocket-Accept}, {@code Sec-WebSocket-Extensions}) instead of
 * Netty's lower-case names. Header names are case-insensitive, so this only matters to someone comparing bytes.
 * Removes itself after the upgrade response.
 */
final class UpgradeResponseHeaders extends ChannelOutboundHandlerAdapter {
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response
                && HttpResponseStatus.SWITCHING_PROTOCOLS.equals(response.status())) {
            HttpHeaders h = response.headers();
            String accept = h.get("sec-websocket-accept");
            String extensions = h.get("sec-websocket-extensions");
            h.clear();
            h.add("Upgrade", "websocket");
            h.add("Connection", "Upgrade");
            h.add("Sec-WebSocket-Accept", accept);
            if (extensions != null) {
                h.add("Sec-WebSocket-Extensions", extensions);
            }
            ctx.pipeline().remove(this);
        }
        ctx.write(msg, promise);
    }
}
