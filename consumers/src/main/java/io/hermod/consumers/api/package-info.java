/**
 * The JSON models of the {@code $JS.API.CONSUMER.*} requests and replies, shaped as nats-server 2.9.10 writes them
 * (field names, order and omit-when-empty), written and read with {@link io.hermod.store.api.GoJson}.
 */
package io.hermod.consumers.api;
