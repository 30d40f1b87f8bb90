package io.hermod.core.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * An NKey user public key ({@code U} + base32 of a prefix byte, the 32-byte Ed25519 key and a CRC-16 checksum), and
 * verification of a signature made with its seed. Immutable.
 */
public final class NKeyPublicKey {
    /** The prefix byte of user keys: 20 &lt;&lt; 3, which base32 renders as 'U'. */
    private static final int USER_PREFIX = 20 << 3;
    /** DER header of an X.509 SubjectPublicKeyInfo for Ed25519, followed by the 32 raw key bytes. */
    private static final byte[] X509_ED25519_HEADER = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final String encoded;
    private final PublicKey key;

    private NKeyPublicKey(String encoded, PublicKey key) {
        this.encoded = encoded;
        this.key = key;
    }

    /** @throws IllegalArgumentException when {@code encoded} is not a well-formed user public key */
    public static NKeyPublicKey parseUserKey(String encoded) {
        byte[] raw = base32Decode(encoded);
        if (raw.length != 35) {
            throw new IllegalArgumentException("not an NKey public key (wrong length): " + encoded);
        }
        int checksum = (raw[33] & 0xff) | (raw[34] & 0xff) << 8;
        if (crc16(raw, 33) != checksum) {
            throw new IllegalArgumentException("not an NKey public key (bad checksum): " + encoded);
        }
        if ((raw[0] & 0xff) != USER_PREFIX) {
            throw new IllegalArgumentException("not an NKey user public key: " + encoded);
        }
        byte[] der = new byte[X509_ED25519_HEADER.length + 32];
        System.arraycopy(X509_ED25519_HEADER, 0, der, 0, X509_ED25519_HEADER.length);
        System.arraycopy(raw, 1, der, X509_ED25519_HEADER.length, 32);
        try {
            return new NKeyPublicKey(encoded, KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 key: " + encoded, e);
        }
    }

    public static boolean isValidUserKey(String encoded) {
        try {
            parseUserKey(encoded);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether {@code signature} (base64url without padding, or standard base64, as clients send it in CONNECT's
     * {@code sig}) is this key's signature of {@code data}.
     */
    public boolean verifies(byte[] data, String signature) {
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        byte[] sig;
        try {
            sig = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            try {
                sig = Base64.getDecoder().decode(signature);
            } catch (IllegalArgumentException e2) {
                return false;
            }
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return encoded;
    }

    private static byte[] base32Decode(String text) {
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            int v = BASE32.indexOf(text.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not base32: " + text);
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[n++] = (byte) (buffer >> bits);
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** CRC-16/XMODEM (polynomial 0x1021, initial 0), as the NKey encoding uses. */
    static int crc16(byte[] data, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            crc ^= (data[i] & 0xff) << 8;
            for (int b = 0; b < 8; b++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return crc & 0xffff;
    }
}
