package io.hermod.store.stream;

import io.hermod.store.PurgeRequest;
import java.util.concurrent.CompletableFuture;

/** A write queued for the stream's writer, with the future its caller holds. */
abstract class WriteOp {
    final CompletableFuture<Object> future = new CompletableFuture<>();
    private Object result;
    private Throwable error;

    void succeed(Object value) {
        result = value;
    }

    void fail(Throwable cause) {
        error = cause;
    }

    /** Completes the caller's future; called by the writer after the group is durable. */
    void complete() {
        if (error != null) {
            future.completeExceptionally(error);
        } else {
            future.complete(result);
        }
    }

    static final class Append extends WriteOp {
        /** Empty for a plain append, which completes with the sequence; else completes with an AppendResult. */
        final String msgId;
        final String subject;
        final byte[] headers;
        final byte[] payload;

        Append(String msgId, String subject, byte[] headers, byte[] payload) {
            this.msgId = msgId;
            this.subject = subject;
            this.headers = headers;
            this.payload = payload;
        }
    }

    static final class Delete extends WriteOp {
        final long seq;

        Delete(long seq) {
            this.seq = seq;
        }
    }

    static final class Purge extends WriteOp {
        final PurgeRequest request;

        Purge(PurgeRequest request) {
            this.request = request;
        }
    }

    static final class Skip extends WriteOp {
    }

    static final class Expire extends WriteOp {
    }

    static final class Close extends WriteOp {
    }
}
