package io.hermod.core.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionPermissionsTest {
    private final AtomicLong clock = new AtomicLong();

    private ConnectionPermissions perms(Permissions p) {
        return new ConnectionPermissions(p, clock::get);
    }

    @Test
    void denyWinsOverAllow() {
        ConnectionPermissions p = perms(new Permissions(
                new SubjectPermission(List.of("foo.>"), List.of("foo.secret.*")), null, null));
        assertTrue(p.canPublish("foo.bar"));
        assertFalse(p.canPublish("foo.secret.x"));
        assertTrue(p.canPublish("foo.secret.x.y"));
        assertFalse(p.canPublish("bar"));
        // Cached verdicts stay right.
        assertFalse(p.canPublish("foo.secret.x"));
        assertTrue(p.canPublish("foo.bar"));
    }

    @Test
    void denyOnlyListAllowsEverythingElse() {
        ConnectionPermissions p = perms(new Permissions(null, new SubjectPermission(null, List.of(">")), null));
        assertTrue(p.canPublish("anything"));
        assertFalse(p.canSubscribe("anything"));
    }

    @Test
    void wildcardSubscriptionDoesNotReceiveDeniedSubjects() {
        ConnectionPermissions p = perms(new Permissions(null, new SubjectPermission(null, List.of("foo.x")), null));
        assertTrue(p.canSubscribe("foo.*"));
        assertFalse(p.canReceive("foo.*", "foo.x"));
        assertTrue(p.canReceive("foo.*", "foo.y"));
        assertTrue(p.canReceive("foo.y", "foo.y"));
    }

    @Test
    void publishCacheStaysBounded() {
        ConnectionPermissions p = perms(new Permissions(SubjectPermission.allowing(List.of("a.*")), null, null));
        for (int i = 0; i < 10_000; i++) {
            assertTrue(p.canPublish("a." + i));
            assertFalse(p.canPublish("b." + i));
        }
        assertTrue(p.canPublish("a.1"));
    }

    @Test
    void responderMayAnswerUpToMaxTimes() {
        ConnectionPermissions p = perms(new Permissions(null, null, new ResponsePermission(2, Duration.ofMinutes(1))));
        assertFalse(p.canPublish("_INBOX.1"), "no request received yet");
        p.replyReceived("_INBOX.1");
        assertTrue(p.canPublish("_INBOX.1"));
        assertTrue(p.canPublish("_INBOX.1"));
        assertFalse(p.canPublish("_INBOX.1"));
        // A new request with the same reply subject grants again.
        p.replyReceived("_INBOX.1");
        assertTrue(p.canPublish("_INBOX.1"));
    }

    @Test
    void responderGrantExpires() {
        ConnectionPermissions p = perms(new Permissions(null, null, new ResponsePermission(100, Duration.ofSeconds(1))));
        p.replyReceived("r.1");
        clock.addAndGet(Duration.ofMillis(999).toNanos());
        assertTrue(p.canPublish("r.1"));
        clock.addAndGet(Duration.ofMillis(2).toNanos());
        assertFalse(p.canPublish("r.1"));
        assertFalse(p.canPublish("r.1"));
    }

    @Test
    void responsesAddToAnExplicitAllowList() {
        ConnectionPermissions p = perms(new Permissions(SubjectPermission.allowing(List.of("ok")), null,
                ResponsePermission.defaults()));
        assertTrue(p.canPublish("ok"));
        assertFalse(p.canPublish("r.1"));
        p.replyReceived("r.1");
        assertTrue(p.canPublish("r.1"));
        assertFalse(p.canPublish("r.1"), "default max is one response");
    }

    @Test
    void unrestrictedPermissionsNeedNoChecker() {
        assertNull(ConnectionPermissions.of(Permissions.ALL));
        assertNull(ConnectionPermissions.of(null));
    }
}
