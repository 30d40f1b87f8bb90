package io.hermod.core.auth;

import java.util.List;

/**
 * One user's permissions. As in nats-server, response permissions without an explicit publish allow list turn
 * the blanket publish allowance off: such a user may publish only replies (and what a later allow list names).
 * Immutable.
 *
 * @param responses null when the user has no response permissions
 */
public record Permissions(SubjectPermission publish, SubjectPermission subscribe, ResponsePermission responses) {
    /** No restriction at all. */
    public static final Permissions ALL = new Permissions(SubjectPermission.ALL, SubjectPermission.ALL, null);

    public Permissions {
        publish = publish == null ? SubjectPermission.ALL : publish;
        subscribe = subscribe == null ? SubjectPermission.ALL : subscribe;
        if (responses != null && publish.allow() == null) {
            publish = new SubjectPermission(List.of(), publish.deny());
        }
    }

    public boolean unrestricted() {
        return publish.unrestricted() && subscribe.unrestricted() && responses == null;
    }
}
