/**
 * Authentication and authorization of clients, with nats-server 2.9's semantics: the configured credentials
 * ({@link io.hermod.core.auth.AuthConfig}: a token, one user, a users list with passwords or NKeys), the check of a
 * client's CONNECT against them ({@link io.hermod.core.auth.Authenticator}), the mapping of a verified TLS client
 * certificate to a user for {@code verify_and_map} (package-private {@code CertificateUserMapping}, which the
 * Authenticator consults), and per-connection publish/subscribe permissions with allow/deny lists and response
 * permissions ({@link io.hermod.core.auth.ConnectionPermissions}).
 * The configuration types are immutable values; {@code ConnectionPermissions} is thread-safe.
 */
package io.hermod.core.auth;
