package io.hermod.core.subject;

/** Finding, creating and pruning the node of one filter token by token; callers hold the write lock. */
final class TriePaths {
    private TriePaths() {
    }

    /** The node of token {@code filter[start, end)} in the level, created if missing. */
    static <S> TrieNode<S> childOrCreate(TrieLevel<S> level, String filter, int start, int end) {
        TrieNode<S> child = child(level, filter, start, end);
        if (child != null) {
            return child;
        }
        child = new TrieNode<>();
        if (isWildcard(filter, start, end, '*')) {
            level.star = child;
        } else if (isWildcard(filter, start, end, '>')) {
            level.tail = child;
        } else {
            level.literals.put(filter.substring(start, end), child);
        }
        return child;
    }

    /**
     * Removes the subscription from the node of the filter tokens from {@code start} on, then prunes the nodes
     * that were left empty on the way back up.
     */
    static <S> boolean remove(TrieLevel<S> level, String filter, int start, String queue, S subscription) {
        int dot = filter.indexOf('.', start);
        int end = dot < 0 ? filter.length() : dot;
        TrieNode<S> node = child(level, filter, start, end);
        if (node == null) {
            return false;
        }
        boolean removed;
        if (dot < 0) {
            removed = node.remove(queue, subscription);
        } else {
            removed = node.next != null && remove(node.next, filter, end + 1, queue, subscription);
        }
        if (removed && node.isEmpty()) {
            prune(level, filter, start, end);
        }
        return removed;
    }

    private static <S> TrieNode<S> child(TrieLevel<S> level, String filter, int start, int end) {
        if (isWildcard(filter, start, end, '*')) {
            return level.star;
        }
        if (isWildcard(filter, start, end, '>')) {
            return level.tail;
        }
        return level.literals.get(filter, start, end);
    }

    private static <S> void prune(TrieLevel<S> level, String filter, int start, int end) {
        if (isWildcard(filter, start, end, '*')) {
            level.star = null;
        } else if (isWildcard(filter, start, end, '>')) {
            level.tail = null;
        } else {
            level.literals.remove(filter.substring(start, end));
        }
    }

    private static boolean isWildcard(String filter, int start, int end, char wildcard) {
        return end - start == 1 && filter.charAt(start) == wildcard;
    }
}
