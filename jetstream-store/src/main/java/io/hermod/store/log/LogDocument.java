package io.hermod.store.log;

/**
 * One document read from a {@link StreamLog}: its Chronicle index and its bytes as written (not yet checked).
 */
public record LogDocument(long index, byte[] bytes) {
}
