package io.hermod.store.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.hermod.core.json.GoCharacterEscapes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * JSON as nats-server writes and reads it with Go's {@code encoding/json}, so that replies are byte for byte what
 * nats-server 2.9.10 sends:
 * <ul>
 *   <li>{@code <}, {@code >} and {@code &} are written {@code &#92;u003c}, {@code &#92;u003e}, {@code &#92;u0026}, and control
 *       characters other than {@code \n}, {@code \r}, {@code \t} as lower-case {@code &#92;u00XX} (Go's HTML-safe
 *       escaping; {@code "a.>"} is sent as {@code "a.&#92;u003e"});</li>
 *   <li>map keys are sorted (Go sorts them), field order follows each model's declaration;</li>
 *   <li>times are {@link GoTime}; byte arrays are standard base64 with padding;</li>
 *   <li>unknown fields are ignored on input, keys match fields whatever their case, and a value of another JSON
 *       type than its field's is an error, as in Go.</li>
 * </ul>
 * The mapper is thread-safe; share {@link #mapper()}.
 */
public final class GoJson {
    private static final ObjectMapper MAPPER = build();

    private GoJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    public static String writeString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    /** nats-server's {@code isEmptyRequest}: no body, or a JSON object without a field. */
    public static boolean isEmptyRequest(byte[] body) {
        if (body == null || body.length == 0) {
            return true;
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() && node.isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads a request body; an empty body means "no request" and yields {@code whenEmpty}, as in nats-server. A body
     * that is not valid JSON for {@code type} is refused with {@link JsApiError#INVALID_JSON}.
     */
    public static <T> T readRequest(byte[] body, Class<T> type, T whenEmpty) {
        if (body == null || body.length == 0) {
            return whenEmpty;
        }
        try {
            T value = MAPPER.readValue(body, type);
            return value == null ? whenEmpty : value;
        } catch (IOException e) {
            throw JsApiError.INVALID_JSON.exception();
        }
    }

    /** Reads a document Hermod or nats-server wrote (tests, stored metadata); malformed input is a bug here. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectMapper build() {
        SimpleModule times = new SimpleModule("go-time");
        times.addSerializer(Instant.class, new InstantSerializer());
        times.addDeserializer(Instant.class, new InstantDeserializer());
        ObjectMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Go matches a JSON key to a field whatever its case ("NAME" sets name).
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                // Go's decoder takes no value of another JSON type: "5" or 5.0 is no integer, 1 no boolean, 5 no
                // string. nats-server answers such a request "invalid JSON", and so does Hermod.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, bool -> bool
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .addModule(times)
                .build();
        mapper.getFactory().setCharacterEscapes(new GoCharacterEscapes());
        return mapper;
    }

    /**
     * For the fields nats-server declares {@code uint64} (sequences, {@code keep}, {@code rate_limit_bps}): Go's
     * decoder refuses a negative number there, so nats-server answers "invalid JSON".
     */
    public static final class Uint64 extends StdScalarDeserializer<Long> {
        private static final long serialVersionUID = 1L;

        public Uint64() {
            super(Long.class);
        }

        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            long value = context.readValue(parser, long.class);
            if (value < 0) {
                return (Long) context.handleWeirdNumberValue(Long.class, value, "negative value for uint64");
            }
            return value;
        }

        /** Absent or null: Go leaves the field zero. */
        @Override
        public Long getNullValue(DeserializationContext context) {
            return 0L;
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return 0L;
        }
    }

    private static final class InstantSerializer extends StdScalarSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(GoTime.format(value));
        }
    }

    private static final class InstantDeserializer extends StdScalarDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            try {
                return GoTime.parse(parser.getValueAsString());
            } catch (RuntimeException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, parser.getText(), "not an RFC 3339 time");
            }
        }
    }
}
