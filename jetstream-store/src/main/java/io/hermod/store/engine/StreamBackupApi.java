package io.hermod.store.engine;

import io.hermod.core.subject.SubjectValidator;
import io.hermod.store.api.ApiErrorResponse;
import io.hermod.store.api.GoJson;
import io.hermod.store.api.JsApiError;
import io.hermod.store.api.StreamRestoreRequest;
import io.hermod.store.api.StreamRestoreResponse;
import io.hermod.store.api.StreamSnapshotRequest;

/**
 * {@code $JS.API.STREAM.SNAPSHOT} and {@code .RESTORE}, which Hermod does not serve: a request is checked as
 * nats-server 2.9.10 checks it (an empty request, an unknown or existing stream, bad JSON, an invalid deliver subject
 * get nats's errors), then refused with nats's snapshot or restore failure, so that a client such as
 * {@code nats stream backup} gets a clear answer instead of waiting for one that never comes.
 */
final class StreamBackupApi {
    private final StreamRegistry registry;

    StreamBackupApi(StreamRegistry registry) {
        this.registry = registry;
    }

    ApiErrorResponse snapshot(String name, byte[] body) {
        if (GoJson.isEmptyRequest(body)) {
            throw JsApiError.BAD_REQUEST.exception();
        }
        registry.find(name).orElseThrow(JsApiError.STREAM_NOT_FOUND::exception);
        StreamSnapshotRequest request = GoJson.readRequest(body, StreamSnapshotRequest.class, null);
        if (!SubjectValidator.isValidFilter(request.deliverSubject())) {
            throw JsApiError.SNAPSHOT_DELIVER_SUBJECT_INVALID.exception();
        }
        throw JsApiError.STREAM_SNAPSHOT.exception("stream snapshots are not supported by Hermod");
    }

    StreamRestoreResponse restore(String name, byte[] body) {
        if (GoJson.isEmptyRequest(body)) {
            throw JsApiError.BAD_REQUEST.exception();
        }
        GoJson.readRequest(body, StreamRestoreRequest.class, null);
        if (registry.find(name).isPresent()) {
            throw JsApiError.STREAM_NAME_EXIST_RESTORE_FAILED.exception();
        }
        throw JsApiError.STREAM_RESTORE.exception("stream restores are not supported by Hermod");
    }
}
