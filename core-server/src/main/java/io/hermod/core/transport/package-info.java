/**
 * What sits in front of the NATS protocol handler on a client channel: TLS (upgraded after a plaintext INFO, as
 * nats-server 2.9 does) and WebSocket (HTTP upgrade, then NATS bytes carried in binary frames). The protocol code
 * behind these handlers reads and writes plain {@code ByteBuf}s and never learns which transport it is on.
 *
 * <p>Public API: {@link io.hermod.core.transport.TlsSettings} (with
 * {@link io.hermod.core.transport.TlsConfigurationException}), {@link io.hermod.core.transport.WebSocketSettings}
 * (with {@link io.hermod.core.transport.OriginPolicy}), {@link io.hermod.core.transport.ClientPipelines},
 * {@link io.hermod.core.transport.TransportSecurity} and {@link io.hermod.core.transport.CloseReason}; the
 * handlers themselves are package-private.
 */
package io.hermod.core.transport;
