package io.hermod.cli.jetstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hermod.cli.client.output.JsonOutput;
import io.nats.client.api.ApiResponse;
import io.nats.client.support.JsonValue;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;

/**
 * The server's own JSON for {@code --json}: what the JetStream API answered (less its {@code type}), so scripts see
 * NATS's field names and units.
 */
final class ServerJson {
    private ServerJson() {
    }

    static JsonNode tree(ApiResponse<?> response) {
        JsonNode node = convert(response.getJv());
        if (node instanceof ObjectNode object) {
            object.remove("type");
        }
        return node;
    }

    /** jnats keeps the order in which the server wrote the fields ({@code mapOrder}); so does this copy. */
    private static JsonNode convert(JsonValue v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null) {
            return f.nullNode();
        }
        return switch (v.type) {
            case STRING -> f.textNode(v.string);
            case BOOL -> f.booleanNode(v.bool);
            case INTEGER -> f.numberNode(v.i);
            case LONG -> f.numberNode(v.l);
            case DOUBLE -> f.numberNode(v.d);
            case FLOAT -> f.numberNode(v.f);
            case BIG_DECIMAL -> f.numberNode(v.bd);
            case BIG_INTEGER -> f.numberNode(v.bi);
            case ARRAY -> {
                ArrayNode array = f.arrayNode();
                v.array.forEach(e -> array.add(convert(e)));
                yield array;
            }
            case MAP -> {
                ObjectNode object = f.objectNode();
                Collection<String> keys = v.mapOrder != null && v.mapOrder.size() == v.map.size() ? v.mapOrder
                        : v.map.keySet();
                keys.forEach(k -> object.set(k, convert(v.map.get(k))));
                yield object;
            }
            default -> f.nullNode();
        };
    }

    static void print(PrintWriter out, ApiResponse<?> response) {
        JsonOutput.print(out, tree(response));
    }

    static void print(PrintWriter out, List<? extends ApiResponse<?>> responses) {
        JsonOutput.print(out, responses.stream().map(ServerJson::tree).toList());
    }

}
