package io.hermod.store.engine;

import io.hermod.core.subject.SubjectValidator;
import io.hermod.store.PurgeRequest;
import io.hermod.store.StoredMessage;
import io.hermod.store.StreamStore;
import io.hermod.store.api.GoJson;
import io.hermod.store.api.JsApiError;
import io.hermod.store.api.StreamConfig;
import io.hermod.store.api.StreamMsgDeleteRequest;
import io.hermod.store.api.StreamMsgDeleteResponse;
import io.hermod.store.api.StreamMsgGetRequest;
import io.hermod.store.api.StreamMsgGetResponse;
import io.hermod.store.api.StreamPurgeRequest;
import io.hermod.store.api.StreamPurgeResponse;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * {@code $JS.API.STREAM.PURGE|MSG.GET|MSG.DELETE.<stream>}, with nats-server 2.9.10's checks in its order: the
 * stream, then the request body, then sealed, then the deny flags. Runs on the API thread only.
 */
final class StreamMessageApi {
    private final StreamRegistry registry;

    StreamMessageApi(StreamRegistry registry) {
        this.registry = registry;
    }

    StreamPurgeResponse purge(String name, byte[] body) {
        Stream stream = find(name);
        StreamPurgeRequest request = GoJson.readRequest(body, StreamPurgeRequest.class, StreamPurgeRequest.ALL);
        StreamConfig config = stream.config();
        if (config.sealed()) {
            throw JsApiError.STREAM_SEALED.exception();
        }
        if (config.denyPurge()) {
            throw JsApiError.STREAM_PURGE_FAILED.exception("stream purge not permitted");
        }
        request.check();
        PurgeRequest purge = new PurgeRequest(request.filter().isEmpty() ? null : request.filter(), request.seq(),
                request.keep() > 0 ? request.keep() : -1);
        long purged = await(stream.store().purge(purge), JsApiError.STREAM_PURGE_FAILED);
        registry.events().purged(name, purge);
        return StreamPurgeResponse.ok(purged);
    }

    StreamMsgGetResponse get(String name, byte[] body) {
        Stream stream = find(name);
        StreamMsgGetRequest request = GoJson.readRequest(body, StreamMsgGetRequest.class,
                new StreamMsgGetRequest(0, "", ""));
        request.check();
        return find(stream.store(), request).map(m -> StreamMsgGetResponse.of(StoreModels.message(m)))
                .orElseThrow(JsApiError.NO_MESSAGE_FOUND::exception);
    }

    StreamMsgDeleteResponse delete(String name, byte[] body) {
        Stream stream = find(name);
        StreamMsgDeleteRequest request = GoJson.readRequest(body, StreamMsgDeleteRequest.class, null);
        if (request == null) {
            throw JsApiError.BAD_REQUEST.exception();
        }
        StreamConfig config = stream.config();
        if (config.sealed()) {
            throw JsApiError.STREAM_SEALED.exception();
        }
        if (config.denyDelete()) {
            throw JsApiError.STREAM_MSG_DELETE_FAILED.exception("message delete not permitted");
        }
        // nats-server's file store: past the end is EOF, below the first sequence "no message found", a gap
        // inside the stream "sequence N not found".
        StreamStore store = stream.store();
        io.hermod.store.StreamState state = store.state();
        if (request.seq() > state.lastSeq()) {
            throw JsApiError.STREAM_MSG_DELETE_FAILED.exception("stream store EOF");
        }
        if (request.seq() < state.firstSeq()) {
            throw JsApiError.STREAM_MSG_DELETE_FAILED.exception("no message found");
        }
        if (!await(store.delete(request.seq()), JsApiError.STREAM_MSG_DELETE_FAILED)) {
            throw JsApiError.SEQUENCE_NOT_FOUND.exception(request.seq());
        }
        registry.events().messageDeleted(name, request.seq());
        return StreamMsgDeleteResponse.ok();
    }

    /**
     * The message a get request selects: by sequence, the last of a subject, or the first at or after a sequence
     * on a subject. Shared with direct gets.
     */
    static Optional<StoredMessage> find(StreamStore store, StreamMsgGetRequest request) {
        if (!request.lastBySubject().isEmpty()) {
            return last(store, request.lastBySubject());
        }
        if (!request.nextBySubject().isEmpty()) {
            return store.next(Math.max(1, request.seq()), request.nextBySubject());
        }
        return store.load(request.seq());
    }

    /** The newest message on a subject; a wildcard filter is answered by scanning from the first sequence. */
    static Optional<StoredMessage> last(StreamStore store, String subject) {
        if (SubjectValidator.isLiteral(subject)) {
            return store.lastBySubject(subject);
        }
        Optional<StoredMessage> last = Optional.empty();
        for (Optional<StoredMessage> m = store.next(1, subject); m.isPresent();
             m = store.next(m.get().seq() + 1, subject)) {
            last = m;
        }
        return last;
    }

    private Stream find(String name) {
        return registry.find(name).orElseThrow(JsApiError.STREAM_NOT_FOUND::exception);
    }

    private static <T> T await(CompletableFuture<T> future, JsApiError onFailure) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw onFailure.exception("interrupted");
        } catch (ExecutionException | CompletionException e) {
            throw onFailure.exception(String.valueOf(e.getCause().getMessage()));
        }
    }
}
