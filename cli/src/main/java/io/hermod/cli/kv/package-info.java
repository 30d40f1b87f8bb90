/**
 * {@code hermod kv ...}: key-value buckets through jnats' {@code KeyValue} and {@code KeyValueManagement}.
 * {@code history}, {@code keys} and {@code watch} use jnats' ordered push consumers, so they need a server with push
 * consumers.
 */
package io.hermod.cli.kv;
