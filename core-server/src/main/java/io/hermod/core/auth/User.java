package io.hermod.core.auth;

import java.util.Objects;

/** A user of a {@code users} list: name, password (plain or bcrypt hash) and permissions. Immutable. */
public record User(String name, String password, Permissions permissions) {
    public User {
        Objects.requireNonNull(name, "name");
        password = password == null ? "" : password;
        permissions = permissions == null ? Permissions.ALL : permissions;
    }

    @Override
    public String toString() {
        return "User[" + name + "]"; // never the password
    }
}
