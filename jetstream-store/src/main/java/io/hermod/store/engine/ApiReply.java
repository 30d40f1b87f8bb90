package io.hermod.store.engine;

/** What a {@code $JS.API} request is answered with: an optional NATS header block and a body. */
record ApiReply(byte[] headers, byte[] body) {
    static ApiReply json(byte[] body) {
        return new ApiReply(null, body);
    }
}
