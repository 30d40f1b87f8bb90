/**
 * JetStream inside a Hermod server: {@link io.hermod.store.engine.JetStreamService} (the public entry point, with
 * {@link io.hermod.store.engine.JetStreamSettings}) plugs the stream stores into the core server through its
 * in-process client API, the way an internal client would.
 *
 * <p>What runs where. The {@code $JS.API.>} subscription only hands each request to the single
 * {@code hermod-jetstream-api} thread ({@code JsApiRouter} → {@code StreamAdminApi}, {@code StreamMessageApi},
 * {@code DirectGetApi}), so the event loops never wait on storage. Each stream's subscriptions feed its
 * {@code StreamPublisher} on the publisher's event loop, which checks and enqueues without blocking; the store's
 * writer thread completes the append after the fsync and the PubAck is published from there. Store swaps (update,
 * delete, shutdown) run on {@code hermod-jetstream-swap} once the stream's pending writes completed.
 *
 * <p>The API models ({@code io.hermod.store.api}) and the storage types ({@code io.hermod.store}) meet only in
 * {@code StoreModels}. Everything but the service and its settings is package-private.
 */
package io.hermod.store.engine;
