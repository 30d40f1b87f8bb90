package io.hermod.core.subject;

import java.util.function.BiConsumer;

/**
 * An open-addressing hash map from literal tokens to trie nodes whose lookup takes a region of the published
 * subject, so that walking the trie needs no substring per token. Not thread-safe: the index reads it under
 * its read lock and changes it under its write lock.
 */
final class TokenMap<V> {
    private String[] keys = new String[4];
    private Object[] values = new Object[4];
    private int size;

    int size() {
        return size;
    }

    /** The value of the token {@code text[start, end)}, hashed as {@link String#hashCode()} would. */
    @SuppressWarnings("unchecked")
    V get(String text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        int length = end - start;
        String[] table = keys;
        int mask = table.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            String key = table[slot];
            if (key == null) {
                return null;
            }
            if (key.length() == length && key.regionMatches(0, text, start, length)) {
                return (V) values[slot];
            }
        }
    }

    V get(String token) {
        return get(token, 0, token.length());
    }

    void put(String token, V value) {
        if ((size + 1) * 2 > keys.length) {
            resize(keys.length * 2);
        }
        int mask = keys.length - 1;
        int slot = spread(token.hashCode()) & mask;
        while (keys[slot] != null && !keys[slot].equals(token)) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == null) {
            size++;
        }
        keys[slot] = token;
        values[slot] = value;
    }

    /** Removes a token, shifting later entries of its probe run back so lookups never need tombstones. */
    void remove(String token) {
        int mask = keys.length - 1;
        int slot = spread(token.hashCode()) & mask;
        while (keys[slot] != null && !keys[slot].equals(token)) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == null) {
            return;
        }
        size--;
        int hole = slot;
        for (int next = (hole + 1) & mask; keys[next] != null; next = (next + 1) & mask) {
            int home = spread(keys[next].hashCode()) & mask;
            // Move the entry into the hole unless its home lies cyclically in (hole, next].
            boolean homeBetween = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!homeBetween) {
                keys[hole] = keys[next];
                values[hole] = values[next];
                hole = next;
            }
        }
        keys[hole] = null;
        values[hole] = null;
    }

    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<String, V> action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                action.accept(keys[i], (V) values[i]);
            }
        }
    }

    private void resize(int capacity) {
        String[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new String[capacity];
        values = new Object[capacity];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                @SuppressWarnings("unchecked")
                V value = (V) oldValues[i];
                put(oldKeys[i], value);
            }
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
