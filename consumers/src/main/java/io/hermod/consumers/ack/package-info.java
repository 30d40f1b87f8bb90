/**
 * A consumer's acknowledgement state: {@link io.hermod.consumers.ack.AckState} and the values it takes and gives.
 * Pure state, no I/O, one thread per state.
 */
package io.hermod.consumers.ack;
