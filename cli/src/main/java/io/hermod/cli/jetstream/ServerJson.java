package io.hermod.cli.jetstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hermod.cli.client.output.JsonOutput;
import io.nats.client.api.ApiResponse;
import io.nats.client.support.JsonSerializable;

import java.io.PrintWriter;
import java.util.List;

/**
 * The server's own JSON for {@code --json}: what the JetStream API answered (less its {@code type}), so scripts see
 * NATS's field names and units.
 */
final class ServerJson {
    private ServerJson() {
    }

    static JsonNode tree(ApiResponse<?> response) {
        JsonNode node = parse(response.getJv().toJson());
        if (node instanceof ObjectNode object) {
            object.remove("type");
        }
        return node;
    }

    static JsonNode tree(JsonSerializable value) {
        return parse(value.toJson());
    }

    static void print(PrintWriter out, ApiResponse<?> response) {
        JsonOutput.print(out, tree(response));
    }

    static void print(PrintWriter out, List<? extends ApiResponse<?>> responses) {
        JsonOutput.print(out, responses.stream().map(ServerJson::tree).toList());
    }

    private static JsonNode parse(String json) {
        try {
            return JsonOutput.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the server's JSON cannot be read: " + e.getMessage(), e);
        }
    }
}
