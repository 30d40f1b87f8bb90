package io.hermod.core.monitor;

/** A monitoring request nats-server would answer with 400 and this text. */
final class BadRequestException extends RuntimeException {
    BadRequestException(String message) {
        super(message, null, false, false);
    }
}
