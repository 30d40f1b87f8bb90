/**
 * File streams: {@link io.hermod.store.file.StoreDirectory} (the store directory), the Chronicle-backed
 * {@link io.hermod.store.file.FileStreamStore}, its loader (recovery), retention cleaner and RocksDB indexes.
 */
package io.hermod.store.file;
