package io.hermod.core.auth;

import java.util.Objects;

/** A user of a {@code users} list known by its NKey public key ({@code U...}). Immutable. */
public record NkeyUser(String publicKey, Permissions permissions) {
    public NkeyUser {
        Objects.requireNonNull(publicKey, "publicKey");
        permissions = permissions == null ? Permissions.ALL : permissions;
    }
}
