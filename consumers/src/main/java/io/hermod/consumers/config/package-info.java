/** The NATS consumer configuration ({@code ConsumerConfig} JSON), its defaults and nats-server 2.9.10's checks. */
package io.hermod.consumers.config;
