package io.hermod.core.transport;

import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionData;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionFilter;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionFilterProvider;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtension;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtensionHandshaker;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;

import java.util.HashMap;
import java.util.Map;

/**
 * permessage-deflate as nats-server negotiates it: whatever the client offered, both sides compress each message
 * on its own ({@code server_no_context_takeover; client_no_context_takeover}), so no connection keeps a
 * compression window between messages. Like nats-server, frames of at most 64 bytes are sent uncompressed.
 */
final class NoContextTakeoverDeflate implements WebSocketServerExtensionHandshaker {
    private static final String EXTENSION = "permessage-deflate";
    private static final String SERVER_NO_CONTEXT = "server_no_context_takeover";
    private static final String CLIENT_NO_CONTEXT = "client_no_context_takeover";
    private static final int COMPRESSION_LEVEL = 6;
    private static final int MAX_WINDOW_BITS = 15;
    /** nats-server's wsCompressThreshold: compressing less is not worth it. */
    private static final int COMPRESS_THRESHOLD = 64;

    private static final WebSocketExtensionFilterProvider SMALL_FRAMES_UNCOMPRESSED =
            new WebSocketExtensionFilterProvider() {
                @Override
                public WebSocketExtensionFilter encoderFilter() {
                    return frame -> frame.content().readableBytes() <= COMPRESS_THRESHOLD;
                }

                @Override
                public WebSocketExtensionFilter decoderFilter() {
                    return WebSocketExtensionFilter.NEVER_SKIP;
                }
            };

    private final PerMessageDeflateServerExtensionHandshaker deflate = new PerMessageDeflateServerExtensionHandshaker(
            COMPRESSION_LEVEL, false, MAX_WINDOW_BITS, true, true, SMALL_FRAMES_UNCOMPRESSED);

    @Override
    public WebSocketServerExtension handshakeExtension(WebSocketExtensionData offer) {
        if (!EXTENSION.equals(offer.name())) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>(offer.parameters());
        parameters.put(SERVER_NO_CONTEXT, null);
        // RFC 7692 section 7.1.2.2 lets the server ask for this even when the client did not offer it.
        parameters.put(CLIENT_NO_CONTEXT, null);
        return deflate.handshakeExtension(new WebSocketExtensionData(offer.name(), parameters));
    }
}
