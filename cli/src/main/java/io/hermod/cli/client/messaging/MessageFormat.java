package io.hermod.cli.client.messaging;

import io.hermod.cli.client.output.JsonOutput;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@code sub}, {@code req} and {@code reply} print a message ({@code @Mixin MessageFormat format}): a heading,
 * the headers and the body, as the {@code nats} CLI does; or only the body ({@code --raw}), only the headers
 * ({@code --headers-only}), or one JSON document per message ({@code --json}).
 */
public final class MessageFormat {
    @Option(names = "--raw", description = "Print only the body of each message, one per line.")
    private boolean raw;

    @Option(names = "--headers-only", description = "Print only the headers, not the body.")
    private boolean headersOnly;

    @Option(names = "--json", description = "Print each message as one line of JSON (subject, reply, headers, data).")
    private boolean json;

    /**
     * @param number the message's number, from 1
     * @param heading what the human format says first, e.g. {@code Received on "orders.new"}
     */
    public void print(PrintWriter out, long number, String heading, Message message) {
        if (json) {
            JsonOutput.printLine(out, asJson(message));
            return;
        }
        if (raw) {
            out.println(headersOnly ? headerLines(message.getHeaders()) : body(message));
            out.flush();
            return;
        }
        out.println("[#" + number + "] " + heading);
        String headers = headerLines(message.getHeaders());
        if (!headers.isEmpty()) {
            out.print(headers);
        }
        if (!headersOnly) {
            out.println();
            out.println(body(message));
        }
        out.println();
        out.flush();
    }

    static String body(Message message) {
        return message.getData() == null ? "" : new String(message.getData(), StandardCharsets.UTF_8);
    }

    private static String headerLines(Headers headers) {
        if (headers == null || headers.isEmpty()) {
            return "";
        }
        StringBuilder lines = new StringBuilder();
        for (String key : headers.keySet()) {
            for (String value : headers.get(key)) {
                lines.append(key).append(": ").append(value).append('\n');
            }
        }
        return lines.toString();
    }

    static Map<String, Object> asJson(Message message) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("subject", message.getSubject());
        if (message.getReplyTo() != null) {
            doc.put("reply", message.getReplyTo());
        }
        Headers headers = message.getHeaders();
        if (headers != null && !headers.isEmpty()) {
            Map<String, List<String>> h = new LinkedHashMap<>();
            headers.keySet().forEach(k -> h.put(k, headers.get(k)));
            doc.put("headers", h);
        }
        doc.put("data", body(message));
        return doc;
    }
}
