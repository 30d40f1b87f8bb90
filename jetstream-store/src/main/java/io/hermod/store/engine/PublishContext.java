package io.hermod.store.engine;

import io.hermod.store.api.ApiError;

/** What a stream's publish path needs from the service around it. Implementations are thread-safe. */
interface PublishContext {

    /** Sends a reply (a PubAck) to a client's reply subject. */
    void reply(String replyTo, byte[] payload);

    /**
     * The error to refuse a message of {@code bytes} with because the server's {@code max_memory_store} or
     * {@code max_file_store} would be exceeded, or null.
     */
    ApiError checkServerLimit(io.hermod.store.StorageType storage, long bytes);

    /** Where stored messages and deleted streams are announced (to the consumers). */
    StreamEvents events();
}
