package io.hermod.core.client;

/**
 * Receives an in-process subscription's messages on the publisher's thread (often a Netty event loop): return
 * quickly and hand slow work to a thread of your own.
 */
@FunctionalInterface
public interface MessageHandler {
    void onMessage(Message message);
}
