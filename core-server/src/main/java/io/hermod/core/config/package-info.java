/**
 * Reading nats-server configuration files. Public API: {@link io.hermod.core.config.ConfigParser} turns a file into a
 * {@link io.hermod.core.config.ConfigValue.ConfigMap} tree with positions, {@link
 * io.hermod.core.config.ServerOptionsLoader} applies that tree to {@link io.hermod.core.server.ServerOptions.Builder},
 * and both fail with {@link io.hermod.core.config.ConfigException}. The package-private classes are the lexer's parts.
 */
package io.hermod.core.config;
