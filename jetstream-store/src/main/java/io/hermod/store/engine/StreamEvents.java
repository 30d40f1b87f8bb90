package io.hermod.store.engine;

/**
 * What the consumers learn of the streams' lives: a message was stored, a stream was deleted. Called on the thread
 * that made the change (a store's writer thread, the API thread): implementations must hand the work off and
 * return at once.
 */
public interface StreamEvents {
    StreamEvents NONE = new StreamEvents() {
        @Override
        public void stored(String stream, long seq) {
        }

        @Override
        public void deleted(String stream) {
        }
    };

    /** A message was stored at {@code seq} and can be read. */
    void stored(String stream, long seq);

    /** The stream was deleted with its messages. */
    void deleted(String stream);
}
