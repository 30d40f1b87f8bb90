/**
 * JetStream consumers. Sub-packages by concern: {@link io.hermod.consumers.config} (the NATS consumer configuration,
 * its defaults and validation), {@link io.hermod.consumers.ack} (the acknowledgement state machine),
 * {@link io.hermod.consumers.state} (persistence of configurations and acknowledgement states).
 */
package io.hermod.consumers;
