package io.hermod.core.subject;

/** A test subscription: identity matters, the name only helps failure messages. */
record Sub(String name) {
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
