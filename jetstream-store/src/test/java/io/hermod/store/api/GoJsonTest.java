package io.hermod.store.api;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GoJsonTest {
    @Test
    void htmlCharactersAndControlCharactersAreEscapedAsGoDoes() {
        assertEquals("[\"a.\\u003e\",\"\\u003c\\u0026\",\"x\\ny\\u0001\"]",
                GoJson.writeString(List.of("a.>", "<&", "x\ny\u0001")));
    }

    @Test
    void otherNonAsciiIsWrittenAsIsExceptLineAndParagraphSeparators() {
        assertEquals("\"\u00e9\u00fc\\u2028\\u2029\"", GoJson.writeString("\u00e9\u00fc\u2028\u2029"));
    }

    @Test
    void mapKeysAreSorted() {
        assertEquals("{\"a\":1,\"b\":2,\"c\":3}", GoJson.writeString(Map.of("c", 3, "a", 1, "b", 2)));
    }

    @Test
    void timesDropTrailingZerosOfTheFraction() {
        assertEquals("2026-11-27T08:05:41.84425039Z", GoTime.format(Instant.parse("2026-11-27T08:05:41.844250390Z")));
        assertEquals("2026-11-27T08:05:41Z", GoTime.format(Instant.parse("2026-11-27T08:05:41Z")));
        assertEquals("0001-01-01T00:00:00Z", GoTime.format(GoTime.ZERO));
    }

    @Test
    void timesWithAnOffsetAreRead() {
        assertEquals(Instant.parse("2026-01-01T10:00:00.5Z"), GoTime.parse("2026-01-01T12:00:00.5+02:00"));
    }

    @Test
    void emptyRequestBodiesMeanNoRequest() {
        assertEquals(StreamInfoRequest.PLAIN, GoJson.readRequest(new byte[0], StreamInfoRequest.class,
                StreamInfoRequest.PLAIN));
    }

    @Test
    void malformedRequestBodiesAreInvalidJson() {
        JsApiException refused = assertThrows(JsApiException.class,
                () -> GoJson.readRequest("{\"seq\":\"x\"}".getBytes(), StreamMsgGetRequest.class, null));

        assertEquals(JsApiError.INVALID_JSON.error(), refused.error());
    }

    @Test
    void unknownFieldsAreIgnoredAsGoDoes() {
        StreamConfig config = GoJson.read("{\"name\":\"S\",\"compression\":\"s2\"}", StreamConfig.class);

        assertEquals("S", config.name());
    }
}
