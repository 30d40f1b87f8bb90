package io.hermod.core.config;

import io.hermod.core.auth.AuthConfig;
import io.hermod.core.auth.NKeyPublicKey;
import io.hermod.core.auth.NkeyUser;
import io.hermod.core.auth.User;
import io.hermod.core.config.ConfigValue.ConfigArray;
import io.hermod.core.config.ConfigValue.ConfigEntry;
import io.hermod.core.config.ConfigValue.ConfigFloat;
import io.hermod.core.config.ConfigValue.ConfigInteger;
import io.hermod.core.config.ConfigValue.ConfigMap;
import io.hermod.core.server.ServerOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads nats-server's {@code authorization} block: {@code token}, {@code user}/{@code password}, a {@code users}
 * list (users with passwords or NKeys, each with optional {@code permissions}), default {@code permissions} for
 * users without their own, and {@code timeout} in seconds. Stateless.
 */
final class AuthorizationReader {
    private AuthorizationReader() {
    }

    static void apply(String key, ConfigValue value, ServerOptions.Builder builder, List<String> warnings) {
        if (!(value instanceof ConfigMap block)) {
            throw OptionValueReader.wrongType(key, "a map", value);
        }
        String token = null;
        String user = null;
        String password = null;
        ConfigValue usersValue = null;
        io.hermod.core.auth.Permissions defaults = null;
        for (ConfigEntry entry : block.entries().values()) {
            String k = entry.key().toLowerCase(Locale.ROOT);
            ConfigValue v = entry.value();
            switch (k) {
                case "token" -> token = OptionValueReader.string(k, v);
                case "user", "username" -> user = OptionValueReader.string(k, v);
                case "pass", "password" -> password = OptionValueReader.string(k, v);
                case "timeout" -> builder.authTimeout(seconds(k, v));
                case "users" -> usersValue = v;
                case "permissions", "default_permissions" -> defaults = PermissionsReader.read(k, v, warnings);
                default -> warnings.add(entry.keyPosition() + ": unknown field \"" + entry.key()
                        + "\" in authorization ignored");
            }
        }
        List<User> users = new ArrayList<>();
        List<NkeyUser> nkeys = new ArrayList<>();
        if (usersValue != null) {
            readUsers(usersValue, defaults, users, nkeys, warnings);
        }
        if (token != null && usersValue != null) {
            throw new ConfigException(block.position(), "Can not have a token and a users array");
        }
        if (user != null && usersValue != null) {
            throw new ConfigException(block.position(), "Can not have a single user/pass and a users array");
        }
        if (token != null) {
            builder.authorization(AuthConfig.token(token));
        } else if (user != null) {
            builder.authorization(AuthConfig.user(user, password == null ? "" : password));
        } else if (usersValue != null) {
            builder.authorization(AuthConfig.users(users, nkeys));
        } else {
            builder.authorization(AuthConfig.NONE);
        }
    }

    private static void readUsers(ConfigValue value, io.hermod.core.auth.Permissions defaults, List<User> users,
                                  List<NkeyUser> nkeys, List<String> warnings) {
        if (!(value instanceof ConfigArray array)) {
            throw OptionValueReader.wrongType("users", "an array", value);
        }
        for (ConfigValue element : array.values()) {
            if (!(element instanceof ConfigMap map)) {
                throw OptionValueReader.wrongType("users", "a map per user", element);
            }
            String name = null;
            String password = null;
            String nkey = null;
            io.hermod.core.auth.Permissions permissions = defaults;
            for (ConfigEntry entry : map.entries().values()) {
                String k = entry.key().toLowerCase(Locale.ROOT);
                ConfigValue v = entry.value();
                switch (k) {
                    case "user", "username" -> name = OptionValueReader.string(k, v);
                    case "pass", "password" -> password = OptionValueReader.string(k, v);
                    case "nkey" -> nkey = OptionValueReader.string(k, v);
                    case "permissions", "permission" -> permissions = PermissionsReader.read(k, v, warnings);
                    default -> warnings.add(entry.keyPosition() + ": unknown field \"" + entry.key()
                            + "\" in user ignored");
                }
            }
            if (nkey != null) {
                if (name != null || password != null) {
                    throw new ConfigException(map.position(), "Nkey users do not take usernames or passwords");
                }
                if (!NKeyPublicKey.isValidUserKey(nkey)) {
                    throw new ConfigException(map.position(), "Not a valid public nkey for a user");
                }
                nkeys.add(new NkeyUser(nkey, permissions));
            } else if (name != null) {
                users.add(new User(name, password, permissions));
            } else {
                throw new ConfigException(map.position(), "User entry requires a user");
            }
        }
    }

    /** nats-server reads the authorization timeout as (possibly fractional) seconds. */
    private static Duration seconds(String key, ConfigValue v) {
        if (v instanceof ConfigInteger i) {
            return Duration.ofSeconds(i.value());
        }
        if (v instanceof ConfigFloat f) {
            return Duration.ofNanos(Math.round(f.value() * 1_000_000_000d));
        }
        throw OptionValueReader.wrongType(key, "a number of seconds", v);
    }
}
