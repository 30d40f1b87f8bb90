package io.hermod.core.client;

/**
 * A message as an in-process subscriber receives it: copies of the bytes, safe to keep.
 *
 * @param headers the raw NATS header block ({@code NATS/1.0 ...\r\n\r\n}), or null when there is none
 */
public record Message(String subject, String replyTo, byte[] headers, byte[] payload) {
}
