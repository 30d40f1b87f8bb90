package io.hermod.store.api;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsApiErrorTest {
    @Test
    void templatedDescriptionsAreFilledInOrder() {
        assertEquals(new ApiError(400, 10071, "wrong last sequence: 42"), JsApiError.STREAM_WRONG_LAST_SEQUENCE.error(42));
        assertEquals("stream external delivery prefix dp overlaps with stream subject s",
                JsApiError.STREAM_EXTERNAL_DEL_PREFIX_OVERLAPS.error("dp", "s").description());
    }

    @Test
    void valuesWithRegexCharactersAreInsertedLiterally() {
        assertEquals("a$1\\b", JsApiError.STREAM_INVALID_CONFIG.error("a$1\\b").description());
    }

    @Test
    void theWrongNumberOfValuesIsABug() {
        assertThrows(IllegalArgumentException.class, () -> JsApiError.STREAM_NOT_FOUND.error("extra"));
        assertThrows(IllegalArgumentException.class, () -> JsApiError.STREAM_CREATE.error());
    }

    @Test
    void errCodesAreUnique() {
        Set<Integer> seen = new HashSet<>();
        for (JsApiError error : JsApiError.values()) {
            assertTrue(seen.add(error.errCode()), error + " repeats " + error.errCode());
        }
    }

    @Test
    void errorRepliesCarryTheResponseTypeFirstAsNatsServerSendsThem() {
        assertEquals(CapturedReply.load("stream-create-replicas-3").reply(), GoJson.writeString(
                StreamCreateResponse.failed(JsApiError.STREAM_REPLICAS_NOT_SUPPORTED.error())));
        assertEquals(CapturedReply.load("stream-info-not-found").reply(), GoJson.writeString(
                StreamInfoResponse.failed(JsApiError.STREAM_NOT_FOUND.error())));
        assertEquals(CapturedReply.load("stream-delete-not-found").reply(), GoJson.writeString(
                StreamDeleteResponse.failed(JsApiError.STREAM_NOT_FOUND.error())));
        assertEquals(CapturedReply.load("stream-msg-get-missing").reply(), GoJson.writeString(
                StreamMsgGetResponse.failed(JsApiError.NO_MESSAGE_FOUND.error())));
    }
}
