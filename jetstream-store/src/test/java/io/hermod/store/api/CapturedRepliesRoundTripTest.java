package io.hermod.store.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every reply captured from nats-server 2.9.10 reads into Hermod's model for its {@code type} and writes back to the
 * very same bytes: field names, order, omitted fields, number and time formats and Go's escaping all agree.
 */
class CapturedRepliesRoundTripTest {
    private static final Map<String, Class<?>> MODEL_BY_TYPE = Map.ofEntries(
            Map.entry(StreamCreateResponse.TYPE, StreamCreateResponse.class),
            Map.entry(StreamUpdateResponse.TYPE, StreamUpdateResponse.class),
            Map.entry(StreamInfoResponse.TYPE, StreamInfoResponse.class),
            Map.entry(StreamDeleteResponse.TYPE, StreamDeleteResponse.class),
            Map.entry(StreamPurgeResponse.TYPE, StreamPurgeResponse.class),
            Map.entry(StreamMsgDeleteResponse.TYPE, StreamMsgDeleteResponse.class),
            Map.entry(StreamMsgGetResponse.TYPE, StreamMsgGetResponse.class),
            Map.entry(StreamNamesResponse.TYPE, StreamNamesResponse.class),
            Map.entry(StreamListResponse.TYPE, StreamListResponse.class),
            Map.entry(AccountInfoResponse.TYPE, AccountInfoResponse.class));

    static List<CapturedReply> replies() {
        return CapturedReply.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void readsAndWritesBackTheExactReply(CapturedReply captured) {
        String type = captured.replyTree().get("type").asText();
        Class<?> model = MODEL_BY_TYPE.get(type);
        assertNotNull(model, "no model for " + type);

        Object parsed = GoJson.read(captured.reply(), model);

        assertEquals(captured.reply(), GoJson.writeString(parsed));
    }
}
