/**
 * Consumers at work: {@link io.hermod.consumers.engine.ConsumerService} serves {@code $JS.API.CONSUMER.*}, pull
 * requests and acknowledgements on one worker thread, delivers from the streams' stores and keeps each consumer's
 * state in a {@link io.hermod.consumers.state.ConsumerStateStore}.
 */
package io.hermod.consumers.engine;
