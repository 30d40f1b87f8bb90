/** A thin key-value seam over the store's one RocksDB, with a column family per kind of state. */
package io.hermod.store.kv;
