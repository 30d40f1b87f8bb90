package io.hermod.store;

/**
 * What the caller of {@link StreamStore#append(String, String, byte[], byte[], AppendListener)} hears of its
 * message: exactly one of the two methods, on the store's writer thread, once the write is durable under the
 * store's sync policy (or at once, on the caller's thread, when the store is closed or refuses writes after a
 * failure). Implementations must be quick and must not block (they delay the whole write group).
 */
public interface AppendListener {

    /** The message is stored at {@code seq}, or ({@code duplicate}) was stored there earlier with the same id. */
    void appended(long seq, boolean duplicate);

    /** The message was not stored: {@link MessageRejectedException}, {@link StoreClosedException} or a failure. */
    void failed(Throwable cause);
}
