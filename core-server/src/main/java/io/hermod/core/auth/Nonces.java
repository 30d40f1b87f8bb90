package io.hermod.core.auth;

import java.security.SecureRandom;
import java.util.Base64;

/** Per-connection nonces for NKey authentication: 11 random bytes in base64url, 15 characters, as nats-server's. */
public final class Nonces {
    private static final int RAW_LENGTH = 11;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Nonces() {
    }

    public static String next() {
        byte[] raw = new byte[RAW_LENGTH];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
