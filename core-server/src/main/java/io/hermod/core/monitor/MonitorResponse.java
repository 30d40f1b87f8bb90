package io.hermod.core.monitor;

import io.netty.handler.codec.http.HttpResponseStatus;

import java.nio.charset.StandardCharsets;

/** What an endpoint answers: status, content type and body. */
record MonitorResponse(HttpResponseStatus status, String contentType, byte[] body) {
    static final String JSON = "application/json";
    static final String TEXT = "text/plain; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";
    /** Prometheus text exposition format 0.0.4. */
    static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    static MonitorResponse json(byte[] body) {
        return new MonitorResponse(HttpResponseStatus.OK, JSON, body);
    }

    static MonitorResponse text(HttpResponseStatus status, String contentType, String body) {
        return new MonitorResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static MonitorResponse badRequest(String message) {
        return text(HttpResponseStatus.BAD_REQUEST, TEXT, message);
    }

    /** Go's {@code http.NotFound}. */
    static MonitorResponse notFound() {
        return text(HttpResponseStatus.NOT_FOUND, TEXT, "404 page not found\n");
    }
}
