package io.hermod.core.auth;

import java.util.regex.Pattern;

/** Hides passwords, tokens and signatures of a CONNECT's JSON before it is logged, as nats-server's trace does. */
public final class CredentialRedaction {
    private static final Pattern SECRET = Pattern.compile("(\"(?:pass|auth_token|sig)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

    private CredentialRedaction() {
    }

    public static String redact(String connectJson) {
        return SECRET.matcher(connectJson).replaceAll("$1\"[REDACTED]\"");
    }
}
