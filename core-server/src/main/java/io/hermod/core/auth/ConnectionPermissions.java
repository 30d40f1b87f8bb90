package io.hermod.core.auth;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One connection's live permission state: the static {@link Permissions} plus a bounded cache of publish verdicts
 * (the publish check is on the hot path) and, with {@code allow_responses}, the reply subjects the connection may
 * still answer. Thread-safe: publishes are checked on the connection's thread, replies are recorded on whichever
 * thread delivers to it.
 */
public final class ConnectionPermissions {
    /** nats-server's bounds: prune the publish cache past 128 entries, the reply map past 4096. */
    static final int MAX_CACHE = 128;
    static final int PRUNE_TO = MAX_CACHE - 32;
    static final int MAX_REPLIES = 4096;

    private final Permissions permissions;
    private final LongSupplier nanoClock;
    private final boolean publishUnrestricted;
    private final boolean deliveryFiltered;
    private final Map<String, Boolean> publishVerdicts = new ConcurrentHashMap<>();
    private final Map<String, Boolean> deliveryVerdicts = new ConcurrentHashMap<>();
    private final Map<String, ReplyGrant> replies;

    public ConnectionPermissions(Permissions permissions) {
        this(permissions, System::nanoTime);
    }

    ConnectionPermissions(Permissions permissions, LongSupplier nanoClock) {
        this.permissions = permissions;
        this.nanoClock = nanoClock;
        this.publishUnrestricted = permissions.publish().unrestricted();
        this.deliveryFiltered = !permissions.subscribe().deny().isEmpty();
        this.replies = permissions.responses() == null ? null : new ConcurrentHashMap<>();
    }

    /** Null for a client without restrictions, so that the hot path can skip the check altogether. */
    public static ConnectionPermissions of(Permissions permissions) {
        return permissions == null || permissions.unrestricted() ? null : new ConnectionPermissions(permissions);
    }

    public Permissions permissions() {
        return permissions;
    }

    /** Whether the client may publish to {@code subject}; a granted reply is used up by this call. */
    public boolean canPublish(String subject) {
        if (publishUnrestricted) {
            return true;
        }
        Boolean cached = publishVerdicts.get(subject);
        if (cached != null) {
            return cached;
        }
        boolean allowed = permissions.publish().permits(subject);
        if (!allowed && replies != null) {
            // Reply grants change with every use, so their verdicts are never cached.
            return useReplyGrant(subject);
        }
        publishVerdicts.put(subject, allowed);
        if (publishVerdicts.size() > MAX_CACHE) {
            prune(publishVerdicts);
        }
        return allowed;
    }

    public boolean canSubscribe(String subject) {
        return permissions.subscribe().permits(subject);
    }

    /**
     * Whether a message on {@code subject} may reach this client through a subscription on {@code filter}: a
     * wildcard subscription must not carry subjects the subscribe deny list names (nats-server's message filter).
     */
    public boolean canReceive(String filter, String subject) {
        if (!deliveryFiltered || !hasWildcard(filter)) {
            return true;
        }
        Boolean cached = deliveryVerdicts.get(subject);
        if (cached != null) {
            return cached;
        }
        boolean allowed = !permissions.subscribe().denied(subject);
        deliveryVerdicts.put(subject, allowed);
        if (deliveryVerdicts.size() > MAX_CACHE) {
            prune(deliveryVerdicts);
        }
        return allowed;
    }

    /** Records that the client received a message with this reply subject, which it may then answer. */
    public void replyReceived(String replyTo) {
        if (replies == null || replyTo == null) {
            return;
        }
        replies.put(replyTo, new ReplyGrant(nanoClock.getAsLong()));
        if (replies.size() > MAX_REPLIES) {
            pruneReplies();
        }
    }

    private boolean useReplyGrant(String subject) {
        ResponsePermission limits = permissions.responses();
        boolean[] allowed = new boolean[1];
        replies.computeIfPresent(subject, (key, grant) -> {
            int used = grant.uses + 1;
            if (used > limits.maxMessages() || expired(grant, limits)) {
                return null;
            }
            allowed[0] = true;
            return grant.used(used);
        });
        return allowed[0];
    }

    private boolean expired(ReplyGrant grant, ResponsePermission limits) {
        return nanoClock.getAsLong() - grant.receivedNanos > limits.expires().toNanos();
    }

    private void pruneReplies() {
        ResponsePermission limits = permissions.responses();
        replies.entrySet().removeIf(e -> e.getValue().uses >= limits.maxMessages() || expired(e.getValue(), limits));
    }

    private static boolean hasWildcard(String filter) {
        for (int i = 0, n = filter.length(); i < n; i++) {
            char c = filter.charAt(i);
            if ((c == '*' || c == '>') && (i == 0 || filter.charAt(i - 1) == '.')
                    && (i == n - 1 || filter.charAt(i + 1) == '.')) {
                return true;
            }
        }
        return false;
    }

    private static void prune(Map<String, Boolean> cache) {
        Iterator<String> it = cache.keySet().iterator();
        int excess = cache.size() - PRUNE_TO;
        while (excess-- > 0 && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    /** A reply subject the client received at {@code receivedNanos} and has answered {@code uses} times. */
    private static final class ReplyGrant {
        final long receivedNanos;
        final int uses;

        ReplyGrant(long receivedNanos) {
            this(receivedNanos, 0);
        }

        private ReplyGrant(long receivedNanos, int uses) {
            this.receivedNanos = receivedNanos;
            this.uses = uses;
        }

        ReplyGrant used(int newUses) {
            return new ReplyGrant(receivedNanos, newUses);
        }
    }
}
