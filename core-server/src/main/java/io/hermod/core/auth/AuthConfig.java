package io.hermod.core.auth;

import java.util.List;

/**
 * The server's client authentication, as nats-server's {@code authorization} block and {@code no_auth_user} give
 * it: a token, one user with a password, or a list of users with passwords or NKeys. Passwords and tokens may be
 * bcrypt hashes. Immutable; {@link #NONE} means no authentication.
 *
 * @param token      null when not configured
 * @param username   the single user's name, null when not configured
 * @param password   the single user's password
 * @param noAuthUser the user a client that sends no credentials is taken for; null when none
 */
public record AuthConfig(String token, String username, String password, List<User> users, List<NkeyUser> nkeys,
                         String noAuthUser) {
    public static final AuthConfig NONE = new AuthConfig(null, null, null, List.of(), List.of(), null);

    public AuthConfig {
        users = users == null ? List.of() : List.copyOf(users);
        nkeys = nkeys == null ? List.of() : List.copyOf(nkeys);
        if (token != null && (!users.isEmpty() || !nkeys.isEmpty())) {
            throw new IllegalArgumentException("Can not have a token and a users array");
        }
        if (noAuthUser != null && users.stream().noneMatch(u -> u.name().equals(noAuthUser))) {
            throw new IllegalArgumentException(users.isEmpty()
                    ? "no_auth_user: \"" + noAuthUser + "\" present, but users are not defined"
                    : "no_auth_user: \"" + noAuthUser + "\" not present as user in authorization block");
        }
    }

    public static AuthConfig token(String token) {
        return new AuthConfig(token, null, null, List.of(), List.of(), null);
    }

    public static AuthConfig user(String username, String password) {
        return new AuthConfig(null, username, password, List.of(), List.of(), null);
    }

    public static AuthConfig users(List<User> users, List<NkeyUser> nkeys) {
        return new AuthConfig(null, null, null, users, nkeys, null);
    }

    public AuthConfig withNoAuthUser(String name) {
        return new AuthConfig(token, username, password, users, nkeys, name);
    }

    /** Whether clients must authenticate (nats-server's {@code auth_required}). */
    public boolean required() {
        return token != null || username != null || !users.isEmpty() || !nkeys.isEmpty();
    }

    /** Whether INFO says {@code auth_required}: nats-server 2.9.10 leaves it out when a no_auth_user is set. */
    public boolean advertised() {
        return required() && noAuthUser == null;
    }

    /** Whether each client gets a nonce to sign: only NKey users need one. */
    public boolean nonceRequired() {
        return !nkeys.isEmpty();
    }

    @Override
    public String toString() {
        return "AuthConfig[token=" + (token != null) + ", user=" + username + ", users=" + users
                + ", nkeys=" + nkeys.size() + ", noAuthUser=" + noAuthUser + "]";
    }
}
