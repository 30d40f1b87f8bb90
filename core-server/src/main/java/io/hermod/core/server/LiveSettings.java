package io.hermod.core.server;

import io.hermod.core.auth.Authenticator;

/**
 * The part of a running server's configuration that a reload may replace, as one immutable snapshot: the options,
 * the INFO template built from them and the authenticator. Connections read the current snapshot when they
 * start and are handed the new one on reload.
 */
record LiveSettings(ServerOptions options, ServerInfoEncoder info, Authenticator authenticator) {
}
