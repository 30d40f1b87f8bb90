package io.hermod.core.auth;

/**
 * Who a client authenticated as: a user name, an NKey, or empty for token, single-user or no authentication, and
 * the permissions that come with it. Immutable.
 */
public record ClientIdentity(String name, Permissions permissions) {
    public static final ClientIdentity ANONYMOUS = new ClientIdentity("", Permissions.ALL);
}
