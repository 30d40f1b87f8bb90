/**
 * JetStream storage: the public API of a stream's messages ({@link io.hermod.store.StreamStore} and the values
 * it takes and returns). Open streams through {@link io.hermod.store.file.StoreDirectory}.
 *
 * <p>Durability. Every write (message, tombstone, purge) is a CRC32C-framed protobuf record appended to the
 * stream's Chronicle Queue, which is the truth. One writer thread per stream takes every write waiting at that
 * moment, appends them, calls {@code fdatasync} once on the cycle file(s) written (group commit), then writes the
 * derived indexes to RocksDB in one unsynced batch, and only then completes the writes' futures. With a
 * {@code sync_interval} the futures complete without waiting for the fsync, which happens at that interval.
 *
 * <p>Recovery. Opening a file stream loads RocksDB's state and replays the log after the last record it
 * reflects. Chronicle never shows readers a document whose header is still marked not complete (a writer killed
 * mid-document), and the next appender overwrites such a header; a record that is complete to Chronicle but
 * fails its checksum (a machine crash tore it) is dropped with everything after it up to the next session
 * marker, which recovery writes and fsyncs before the stream takes writes.
 *
 * <p>Packages other than this one and {@code file} are implementation: {@code stream} (the engine shared by
 * file and memory streams), {@code log} (Chronicle), {@code index} (derived state), {@code kv} (RocksDB seam),
 * {@code memory}, {@code proto} (generated).
 */
package io.hermod.store;
