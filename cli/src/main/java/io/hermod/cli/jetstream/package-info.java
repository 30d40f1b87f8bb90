/**
 * {@code hermod stream ...} and {@code hermod consumer ...}: JetStream management through jnats'
 * {@code JetStreamManagement}, on the client infrastructure of {@code io.hermod.cli.client} (connection flags,
 * output, exit codes). Configurations come from flags ({@link io.hermod.cli.jetstream.StreamConfigFlags},
 * {@link io.hermod.cli.jetstream.ConsumerConfigFlags}) or from JSON files in NATS's own format; {@code --json} prints
 * the server's JSON. Works against any NATS server with JetStream.
 */
package io.hermod.cli.jetstream;
