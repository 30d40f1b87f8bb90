package io.hermod.core.subject;

/** One token position of the trie: literal tokens by name, and the {@code *} and {@code >} nodes apart. */
final class TrieLevel<S> {
    final TokenMap<TrieNode<S>> literals = new TokenMap<>();
    TrieNode<S> star;
    TrieNode<S> tail;

    boolean isEmpty() {
        return literals.size() == 0 && star == null && tail == null;
    }
}
