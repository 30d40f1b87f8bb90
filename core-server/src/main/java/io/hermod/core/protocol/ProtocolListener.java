package io.hermod.core.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Receives the operations {@link ProtocolParser} reads from a client, on the connection's event-loop thread.
 * ByteBuf arguments are views into the read buffer, valid only during the call: copy what must outlive it.
 */
public interface ProtocolListener {
    void onConnect(String json);

    /**
     * A PUB (headerLength &lt; 0) or HPUB. {@code message} holds the header block (its first headerLength
     * bytes, HPUB only) followed by the payload.
     */
    void onPublish(String subject, String replyTo, int headerLength, ByteBuf message);

    void onSubscribe(String subject, String queue, String sid);

    /** {@code max} is -1 when the client gave none. */
    void onUnsubscribe(String sid, long max);

    void onPing();

    void onPong();

    /** A client may send +OK or -ERR; nats-server accepts and ignores them. */
    default void onOk() {
    }

    default void onErr(String text) {
    }

    /** The parser found bad input; when {@code error.closesConnection()} it stops parsing. */
    void onProtocolError(ProtocolError error);
}
