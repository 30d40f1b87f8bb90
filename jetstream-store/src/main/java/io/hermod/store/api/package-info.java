/**
 * The {@code $JS.API} stream JSON layer, without storage: the JetStream error catalogue ({@link
 * io.hermod.store.api.JsApiError}), the request and reply models with nats-server 2.9.10's field names, order,
 * omit-when-empty rules and value formats ({@link io.hermod.store.api.GoJson}), and the stream configuration checks
 * ({@link io.hermod.store.api.StreamConfigValidator}).
 *
 * <p>Every reply has {@code type} ({@code io.nats.jetstream.api.v1.<name>_response}) first, then {@code error} when
 * refused; nats-server 2.9.10 sends {@code type} in error replies of every stream API too (checked for CREATE,
 * UPDATE, INFO, DELETE, PURGE, MSG.GET, MSG.DELETE). Without JetStream there is no responder at all, so no JSON.
 *
 * <p>Models are immutable records and thread-safe; {@code StreamConfigValidator} is stateless.
 */
package io.hermod.store.api;
