/**
 * Persistence of consumers: {@link io.hermod.consumers.state.ConsumerStateStore} with a RocksDB implementation (on
 * jetstream-store's {@code KeyValueStorage}) and an in-memory one for {@code mem_storage} consumers.
 */
package io.hermod.consumers.state;
