package io.hermod.core.config;

import io.hermod.core.auth.AuthConfig;
import io.hermod.core.auth.NkeyUser;
import io.hermod.core.auth.Permissions;
import io.hermod.core.auth.ResponsePermission;
import io.hermod.core.auth.SubjectPermission;
import io.hermod.core.auth.User;
import io.hermod.core.server.ServerOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code authorization} block and {@code no_auth_user}, read as nats-server reads them. */
class ConfigAuthorizationTest {
    static final String NKEY = "UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4";

    private final List<String> warnings = new ArrayList<>();

    private ServerOptions load(String text) {
        ServerOptions.Builder builder = ServerOptions.builder();
        warnings.addAll(new ServerOptionsLoader().apply(new ConfigParser(EnvironmentVariables.of(Map.of()))
                .parseText(text, Path.of("hermod.conf")), builder));
        return builder.build();
    }

    @Test
    void noAuthorizationMeansNoAuthentication() {
        ServerOptions o = load("port: 1");
        assertEquals(AuthConfig.NONE, o.authorization());
        assertFalse(o.authorization().required());
        assertEquals(ServerOptions.DEFAULT_AUTH_TIMEOUT, o.authTimeout());
    }

    @Test
    void tokenWithTimeoutInSeconds() {
        ServerOptions o = load("authorization { token: \"s3cr3t\", timeout: 1 }");
        assertEquals("s3cr3t", o.authorization().token());
        assertTrue(o.authorization().required());
        assertEquals(Duration.ofSeconds(1), o.authTimeout());
    }

    @Test
    void fractionalTimeout() {
        assertEquals(Duration.ofMillis(500), load("authorization { token: x, timeout: 0.5 }").authTimeout());
    }

    @Test
    void singleUserAndPassword() {
        AuthConfig auth = load("authorization { user: derek, password: \"T0pS3cr3t\" }").authorization();
        assertEquals("derek", auth.username());
        assertEquals("T0pS3cr3t", auth.password());
        assertTrue(auth.advertised());
    }

    @Test
    void usersWithEveryPermissionForm() {
        AuthConfig auth = load("""
                authorization {
                  users = [
                    {user: a, password: pa, permissions: {publish: {allow: ["foo.>"], deny: "foo.bar"}, subscribe: "x.*"}}
                    {user: r, password: pr, permissions: {subscribe: svc, allow_responses: {max: 5, expires: "1m"}}}
                    {user: t, password: pt, permissions: {allow_responses: true}}
                    {user: plain, password: pp}
                    {nkey: %s, permissions: {pub: ["n.>"]}}
                  ]
                }
                """.formatted(NKEY)).authorization();
        User a = auth.users().get(0);
        assertEquals(new SubjectPermission(List.of("foo.>"), List.of("foo.bar")), a.permissions().publish());
        assertEquals(SubjectPermission.allowing(List.of("x.*")), a.permissions().subscribe());
        assertNull(a.permissions().responses());

        Permissions r = auth.users().get(1).permissions();
        assertEquals(new ResponsePermission(5, Duration.ofMinutes(1)), r.responses());
        // Responses without a publish allow list turn the blanket publish allowance off, as in nats-server.
        assertEquals(List.of(), r.publish().allow());

        assertEquals(ResponsePermission.defaults(), auth.users().get(2).permissions().responses());
        assertEquals(Permissions.ALL, auth.users().get(3).permissions());
        assertEquals(List.of(new NkeyUser(NKEY, new Permissions(SubjectPermission.allowing(List.of("n.>")), null, null))),
                auth.nkeys());
        assertTrue(auth.nonceRequired());
        assertEquals(List.of(), warnings);
    }

    @Test
    void defaultPermissionsApplyToUsersWithoutTheirOwn() {
        AuthConfig auth = load("""
                authorization {
                  permissions: {publish: "p.>"}
                  users = [ {user: a, password: x}, {user: b, password: y, permissions: {publish: "b"}} ]
                }
                """).authorization();
        assertEquals(List.of("p.>"), auth.users().get(0).permissions().publish().allow());
        assertEquals(List.of("b"), auth.users().get(1).permissions().publish().allow());
    }

    @Test
    void noAuthUserNamesAUser() {
        AuthConfig auth = load("no_auth_user: a\nauthorization { users = [ {user: a, password: x} ] }").authorization();
        assertEquals("a", auth.noAuthUser());
        assertTrue(auth.required());
        assertFalse(auth.advertised(), "nats-server 2.9.10 leaves auth_required out of INFO with a no_auth_user");
    }

    @Test
    void noAuthUserThatIsNoUserIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load("authorization { users = [ {user: a, password: x} ] }\nno_auth_user: b"));
        assertTrue(e.getMessage().contains("no_auth_user: \"b\""), e.getMessage());
    }

    @Test
    void tokenAndUsersTogetherAreRefused() {
        assertThrows(ConfigException.class,
                () -> load("authorization { token: t, users = [ {user: a, password: x} ] }"));
    }

    @Test
    void malformedNkeyIsRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load("authorization { users = [ {nkey: UABC} ] }"));
        assertTrue(e.getMessage().endsWith("Not a valid public nkey for a user"), e.getMessage());
    }

    @Test
    void invalidSubjectInPermissionsIsRefused() {
        assertThrows(ConfigException.class,
                () -> load("authorization { users = [ {user: a, password: x, permissions: {publish: \"a..b\"}} ] }"));
    }

    @Test
    void unknownKeyInAuthorizationIsAWarning() {
        load("authorization { token: t, colour: blue }");
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("unknown field \"colour\""), warnings.get(0));
    }
}
