package io.hermod.store.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Request bodies read as nats-server reads them, and its bad-request rules. */
class ApiRequestsTest {
    @Test
    void msgGetBodiesRead() {
        assertEquals(new StreamMsgGetRequest(0, "kv.a", ""), read("stream-msg-get-last-by-subj", StreamMsgGetRequest.class));
        assertEquals(new StreamMsgGetRequest(2, "", "ORDERS"), read("stream-msg-get-next-by-subj", StreamMsgGetRequest.class));
    }

    @Test
    void msgGetNeedsExactlyOneWayToPickTheMessage() {
        assertThrows(JsApiException.class, () -> new StreamMsgGetRequest(1, "a", "").check());
        assertThrows(JsApiException.class, () -> new StreamMsgGetRequest(0, "", "").check());
        assertDoesNotThrow(() -> new StreamMsgGetRequest(0, "", "a").check());
    }

    @Test
    void purgeBodiesReadAndRefuseSeqWithKeep() {
        assertEquals(new StreamPurgeRequest("kv.a", 3, 0), read("stream-purge-filter-seq", StreamPurgeRequest.class));
        JsApiException refused = assertThrows(JsApiException.class, () -> new StreamPurgeRequest("", 2, 1).check());
        assertEquals(JsApiError.BAD_REQUEST.error(), refused.error());
    }

    @Test
    void otherBodiesRead() {
        assertEquals(new StreamMsgDeleteRequest(3, true), read("stream-msg-delete-no-erase", StreamMsgDeleteRequest.class));
        assertEquals(new StreamInfoRequest(true, "", 0), read("stream-info-deleted-details", StreamInfoRequest.class));
        assertEquals(new StreamInfoRequest(false, ">", 0), read("stream-info-subjects-filter", StreamInfoRequest.class));
        assertEquals(new StreamNamesRequest(0, "kv.a"), read("stream-names-subject", StreamNamesRequest.class));
        assertEquals(StreamListRequest.ALL, read("stream-list", StreamListRequest.class));
    }

    @Test
    void requestsWriteOnlyWhatIsSet() {
        assertEquals("{\"keep\":1}", GoJson.writeString(new StreamPurgeRequest("", 0, 1)));
        assertEquals("{\"seq\":2}", GoJson.writeString(new StreamMsgDeleteRequest(2, false)));
    }

    private static <T> T read(String captured, Class<T> type) {
        return GoJson.read(CapturedReply.load(captured).request(), type);
    }
}
