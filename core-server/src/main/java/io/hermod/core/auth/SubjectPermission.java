package io.hermod.core.auth;

import io.hermod.core.subject.SubjectFilter;

import java.util.List;

/**
 * Which subjects one direction (publish or subscribe) may use: {@code allow} filters (null means everything is
 * allowed; an empty list allows nothing) and {@code deny} filters, which win over allow. Filters may hold wildcards;
 * a subject's own tokens are taken literally, as nats-server's sublist does. Immutable.
 */
public record SubjectPermission(List<String> allow, List<String> deny) {
    /** No restriction. */
    public static final SubjectPermission ALL = new SubjectPermission(null, List.of());

    public SubjectPermission {
        allow = allow == null ? null : List.copyOf(allow);
        deny = deny == null ? List.of() : List.copyOf(deny);
    }

    public static SubjectPermission allowing(List<String> allow) {
        return new SubjectPermission(allow, List.of());
    }

    public boolean unrestricted() {
        return allow == null && deny.isEmpty();
    }

    /** Whether {@code subject} is allowed and not denied. */
    public boolean permits(String subject) {
        return allowed(subject) && !denied(subject);
    }

    boolean allowed(String subject) {
        return allow == null || anyMatches(allow, subject);
    }

    boolean denied(String subject) {
        return anyMatches(deny, subject);
    }

    private static boolean anyMatches(List<String> filters, String subject) {
        for (int i = 0, n = filters.size(); i < n; i++) {
            if (SubjectFilter.matches(filters.get(i), subject)) {
                return true;
            }
        }
        return false;
    }
}
