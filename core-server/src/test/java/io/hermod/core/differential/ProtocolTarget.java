package io.hermod.core.differential;

/** A running server that speaks the NATS client protocol on 127.0.0.1:{@link #port()}. */
public interface ProtocolTarget extends AutoCloseable {

    int port();

    /** Stops the server this target started; never throws. */
    @Override
    void close();
}
