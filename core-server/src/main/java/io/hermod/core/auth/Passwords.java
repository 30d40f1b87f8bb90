package io.hermod.core.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * Compares a configured password or token with what a client sent: a bcrypt hash ({@code $2a$}, {@code $2b$},
 * {@code $2x$}, {@code $2y$} and a two-digit cost, as nats-server recognises them) is verified, anything else is
 * compared in constant time. Stateless.
 */
public final class Passwords {
    private static final Pattern BCRYPT = Pattern.compile("^\\$2[abxy]\\$\\d{2}\\$.*", Pattern.DOTALL);
    // Go's bcrypt only reads the first 72 bytes of a password; truncate the same way.
    private static final BCrypt.Verifyer VERIFYER = BCrypt.verifyer(BCrypt.Version.VERSION_2A,
            LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A));

    private Passwords() {
    }

    public static boolean isBcrypt(String configured) {
        return configured != null && configured.startsWith("$") && BCRYPT.matcher(configured).matches();
    }

    public static boolean matches(String configured, String given) {
        String offered = given == null ? "" : given;
        if (isBcrypt(configured)) {
            try {
                return VERIFYER.verify(offered.getBytes(StandardCharsets.UTF_8),
                        configured.getBytes(StandardCharsets.UTF_8)).verified;
            } catch (IllegalArgumentException e) {
                return false; // a malformed hash matches nothing
            }
        }
        return MessageDigest.isEqual(configured.getBytes(StandardCharsets.UTF_8),
                offered.getBytes(StandardCharsets.UTF_8));
    }
}
