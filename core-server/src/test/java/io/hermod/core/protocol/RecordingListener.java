package io.hermod.core.protocol;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes each parsed operation down as one line of text, for comparing parses. */
public final class RecordingListener implements ProtocolListener {
    public final List<String> ops = new ArrayList<>();

    @Override
    public void onConnect(String json) {
        ops.add("CONNECT " + json);
    }

    @Override
    public void onPublish(String subject, String replyTo, int headerLength, ByteBuf message) {
        ops.add("PUB " + subject + " " + replyTo + " " + headerLength + " ["
                + message.toString(StandardCharsets.ISO_8859_1) + "]");
    }

    @Override
    public void onSubscribe(String subject, String queue, String sid) {
        ops.add("SUB " + subject + " " + queue + " " + sid);
    }

    @Override
    public void onUnsubscribe(String sid, long max) {
        ops.add("UNSUB " + sid + " " + max);
    }

    @Override
    public void onPing() {
        ops.add("PING");
    }

    @Override
    public void onPong() {
        ops.add("PONG");
    }

    @Override
    public void onOk() {
        ops.add("+OK");
    }

    @Override
    public void onErr(String text) {
        ops.add("-ERR " + text);
    }

    @Override
    public void onProtocolError(ProtocolError error) {
        ops.add("ERROR " + (error.silent() ? "(silent close)" : error.text()));
    }
}
