package io.hermod.core.server;

import java.security.SecureRandom;

/**
 * The server's id and name. nats-server's id is the public key of a server NKey: 56 base32 characters starting
 * with 'N'. Hermod has no server keys yet, so it draws 56 characters of the same alphabet, which is what clients
 * and monitoring tools see and expect of the field.
 */
public record ServerIdentity(String id, String name) {
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    public static ServerIdentity generate(String configuredName) {
        SecureRandom random = new SecureRandom();
        char[] id = new char[56];
        id[0] = 'N';
        for (int i = 1; i < id.length; i++) {
            id[i] = BASE32[random.nextInt(BASE32.length)];
        }
        String serverId = new String(id);
        String name = configuredName == null || configuredName.isBlank() ? serverId : configuredName;
        return new ServerIdentity(serverId, name);
    }
}
