package io.hermod.core.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.hermod.core.protocol.ConnectOptions;
import io.nats.client.NKey;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Passwords (plain and bcrypt), NKey signatures and the order in which the authenticator tries credentials. */
class CredentialsTest {

    @Test
    void bcryptHashesOfEveryPrefixVerify() {
        String a = BCrypt.withDefaults().hashToString(4, "pw".toCharArray());
        String b = new String(BCrypt.with(BCrypt.Version.VERSION_2B).hash(4, "pw".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        String y = new String(BCrypt.with(BCrypt.Version.VERSION_2Y).hash(4, "pw".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        for (String hash : List.of(a, b, y)) {
            assertTrue(Passwords.isBcrypt(hash), hash);
            assertTrue(Passwords.matches(hash, "pw"), hash);
            assertFalse(Passwords.matches(hash, "pw2"), hash);
            assertFalse(Passwords.matches(hash, null), hash);
        }
    }

    @Test
    void plainPasswordsCompareExactly() {
        assertFalse(Passwords.isBcrypt("$notbcrypt"));
        assertTrue(Passwords.matches("$notbcrypt", "$notbcrypt"));
        assertFalse(Passwords.matches("abc", "abcd"));
        assertFalse(Passwords.matches("abc", null));
    }

    @Test
    void nkeySignatureFromJnatsVerifies() throws Exception {
        NKey user = NKey.createUser(new SecureRandom());
        NKeyPublicKey key = NKeyPublicKey.parseUserKey(new String(user.getPublicKey()));
        byte[] nonce = Nonces.next().getBytes(StandardCharsets.US_ASCII);
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(user.sign(nonce));
        assertTrue(key.verifies(nonce, sig));
        assertTrue(key.verifies(nonce, Base64.getEncoder().encodeToString(user.sign(nonce))), "standard base64 too");
        assertFalse(key.verifies("other".getBytes(StandardCharsets.US_ASCII), sig));
        assertFalse(key.verifies(nonce, "!!"));
        assertFalse(key.verifies(nonce, null));
    }

    @Test
    void malformedNkeysAreRejected() throws Exception {
        String good = new String(NKey.createUser(new SecureRandom()).getPublicKey());
        String account = new String(NKey.createAccount(new SecureRandom()).getPublicKey());
        char[] flipped = good.toCharArray();
        flipped[10] = flipped[10] == 'A' ? 'B' : 'A';
        assertTrue(NKeyPublicKey.isValidUserKey(good));
        assertFalse(NKeyPublicKey.isValidUserKey(new String(flipped)), "checksum");
        assertFalse(NKeyPublicKey.isValidUserKey(account), "an account key is no user key");
        assertFalse(NKeyPublicKey.isValidUserKey("U1"));
        assertThrows(IllegalArgumentException.class, () -> NKeyPublicKey.parseUserKey("not base32 !"));
    }

    @Test
    void nonceIsFifteenBase64UrlCharacters() {
        String nonce = Nonces.next();
        assertEquals(15, nonce.length());
        assertTrue(nonce.matches("[A-Za-z0-9_-]{15}"), nonce);
    }

    @Test
    void usersListIsCheckedBeforeNoAuthUser() {
        Authenticator auth = new Authenticator(AuthConfig.users(List.of(
                new User("a", "pa", null), new User("guest", "pg", null)), List.of()).withNoAuthUser("guest"));
        assertEquals("a", auth.authenticate(connect("a", "pa", null), null).orElseThrow().name());
        assertTrue(auth.authenticate(connect("a", "bad", null), null).isEmpty());
        assertEquals("guest", auth.authenticate(connect(null, null, null), null).orElseThrow().name());
        // A client offering a token is not taken for the no_auth_user (nats-server 2.9.10 refuses it).
        assertTrue(auth.authenticate(connect(null, null, "x"), null).isEmpty());
    }

    @Test
    void tokenAndSingleUser() {
        Authenticator token = new Authenticator(AuthConfig.token("t"));
        assertTrue(token.authenticate(connect(null, null, "t"), null).isPresent());
        assertTrue(token.authenticate(connect(null, null, "u"), null).isEmpty());
        assertTrue(token.authenticate(connect("t", "t", null), null).isEmpty());
        Authenticator single = new Authenticator(AuthConfig.user("u", "p"));
        assertTrue(single.authenticate(connect("u", "p", null), null).isPresent());
        assertTrue(single.authenticate(connect("u", "x", null), null).isEmpty());
        assertTrue(single.authenticate(connect("v", "p", null), null).isEmpty());
        assertTrue(new Authenticator(AuthConfig.NONE).authenticate(connect("u", "x", "y"), null).isPresent());
    }

    @Test
    void connectTraceHidesSecrets() {
        assertEquals("{\"user\":\"u\",\"pass\":\"[REDACTED]\",\"auth_token\": \"[REDACTED]\",\"sig\":\"[REDACTED]\"}",
                CredentialRedaction.redact("{\"user\":\"u\",\"pass\":\"p\\\"w\",\"auth_token\": \"t\",\"sig\":\"s\"}"));
    }

    private static ConnectOptions connect(String user, String pass, String token) {
        ConnectOptions c = ConnectOptions.defaults();
        c.user = user;
        c.pass = pass;
        c.authToken = token;
        return c;
    }
}
