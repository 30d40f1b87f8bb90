package io.hermod.store.stream;

import io.hermod.store.AppendListener;
import io.hermod.store.AppendResult;
import io.hermod.store.PurgeRequest;
import java.util.concurrent.CompletableFuture;

/** A write queued for the stream's writer, with the future its caller holds (or, for an append, a listener). */
abstract class WriteOp {
    /** Null for an append with a listener. */
    final CompletableFuture<Object> future;
    private Object result;
    private Throwable error;

    WriteOp() {
        this(new CompletableFuture<>());
    }

    private WriteOp(CompletableFuture<Object> future) {
        this.future = future;
    }

    void succeed(Object value) {
        result = value;
    }

    void fail(Throwable cause) {
        error = cause;
    }

    Throwable error() {
        return error;
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
        /**
         * Empty for a plain append, whose future completes with the sequence; else the future completes with an
         * AppendResult.
         */
        final String msgId;
        final String subject;
        final byte[] headers;
        final byte[] payload;
        /** Told instead of the future when not null. */
        private final AppendListener listener;
        private long seq;
        private boolean duplicate;

        Append(String msgId, String subject, byte[] headers, byte[] payload) {
            this.msgId = msgId;
            this.subject = subject;
            this.headers = headers;
            this.payload = payload;
            this.listener = null;
        }

        Append(String msgId, String subject, byte[] headers, byte[] payload, AppendListener listener) {
            super(null);
            this.msgId = msgId;
            this.subject = subject;
            this.headers = headers;
            this.payload = payload;
            this.listener = listener;
        }

        /** The message is at {@code seq}: stored now, or earlier under the same id ({@code duplicate}). */
        void stored(long seq, boolean duplicate) {
            this.seq = seq;
            this.duplicate = duplicate;
            if (listener == null) {
                succeed(msgId.isEmpty() ? (Object) seq : new AppendResult(seq, duplicate));
            }
        }

        @Override
        void complete() {
            if (listener == null) {
                super.complete();
            } else if (error() != null) {
                listener.failed(error());
            } else {
                listener.appended(seq, duplicate);
            }
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
        /** Removals reported as the limits' (a stream update lowered them). */
        final boolean forLimits;

        Purge(PurgeRequest request, boolean forLimits) {
            this.request = request;
            this.forLimits = forLimits;
        }
    }

    static final class Skip extends WriteOp {
        /** Empty for a plain skip, whose future completes with the sequence; else with an AppendResult. */
        final String msgId;

        Skip(String msgId) {
            this.msgId = msgId;
        }
    }

    static final class Expire extends WriteOp {
    }

    static final class Close extends WriteOp {
    }
}
