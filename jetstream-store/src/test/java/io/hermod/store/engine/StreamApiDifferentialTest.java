package io.hermod.store.engine;

import io.hermod.store.engine.NatsDifferential.Step;
import io.nats.client.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same {@code $JS.API} requests and publishes sent to {@code nats-server -js} (2.9.10) and to Hermod: every
 * reply must be the same text once the values that differ between any two runs are normalised (creation and
 * message times, the account's usage and the API counters); stream byte totals are compared as they are. Skipped
 * without the nats-server binary, failing under CI (env {@code CI}) when it is missing.
 */
class StreamApiDifferentialTest {
    @TempDir
    Path dir;

    private static List<Step> scenario() {
        return List.of(
                Step.api("$JS.API.INFO", ""),
                Step.api("$JS.API.STREAM.CREATE.ORDERS", "{\"name\":\"ORDERS\",\"subjects\":[\"orders.*\"]}"),
                Step.api("$JS.API.STREAM.CREATE.ORDERS", "{\"name\":\"ORDERS\",\"subjects\":[\"orders.*\"]}"),
                Step.api("$JS.API.STREAM.CREATE.ORDERS", "{\"name\":\"ORDERS\",\"subjects\":[\"orders.*\"],\"max_msgs\":5}"),
                Step.api("$JS.API.STREAM.CREATE.OTHER", "{\"name\":\"OTHER\",\"subjects\":[\"orders.a\"]}"),
                Step.api("$JS.API.STREAM.CREATE.X", "{\"name\":\"Y\"}"),
                Step.api("$JS.API.STREAM.CREATE.BAD", "{\"name\":"),
                Step.api("$JS.API.STREAM.CREATE.KV", "{\"name\":\"KV\",\"subjects\":[\"kv.>\"],\"allow_direct\":true,"
                        + "\"allow_rollup_hdrs\":true,\"max_msgs_per_subject\":2}"),
                Step.publish("orders.a", "one"),
                Step.publish("orders.b", "two", "Nats-Msg-Id", "m-2"),
                Step.publish("orders.b", "two again", "Nats-Msg-Id", "m-2"),
                Step.publish("orders.a", "wrong", "Nats-Expected-Last-Sequence", "1"),
                Step.publish("orders.a", "three", "Nats-Expected-Last-Sequence", "2"),
                Step.publish("orders.a", "wrong", "Nats-Expected-Last-Subject-Sequence", "1"),
                Step.publish("orders.c", "wrong", "Nats-Expected-Last-Msg-Id", "m-9"),
                Step.publish("orders.c", "wrong", "Nats-Expected-Stream", "KV"),
                Step.publish("orders.c", "refused", "Nats-Rollup", "all"),
                Step.publish("orders.c", "four"),
                Step.publish("orders.c", "five"),
                Step.publish("kv.a", "a1"),
                Step.publish("kv.a", "a2"),
                Step.publish("kv.a", "a3"),
                Step.publish("kv.b", "b-all", "Nats-Rollup", "all"),
                Step.api("$JS.API.STREAM.INFO.ORDERS", ""),
                Step.api("$JS.API.STREAM.INFO.ORDERS", "{\"subjects_filter\":\">\"}"),
                Step.api("$JS.API.STREAM.MSG.GET.ORDERS", "{\"seq\":2}"),
                Step.api("$JS.API.STREAM.MSG.GET.ORDERS", "{\"last_by_subj\":\"orders.a\"}"),
                Step.api("$JS.API.STREAM.MSG.GET.ORDERS", "{\"seq\":1,\"next_by_subj\":\"orders.c\"}"),
                Step.api("$JS.API.STREAM.MSG.GET.ORDERS", "{\"seq\":99}"),
                Step.api("$JS.API.STREAM.MSG.GET.ORDERS", ""),
                Step.api("$JS.API.STREAM.MSG.DELETE.ORDERS", "{\"seq\":2}"),
                Step.api("$JS.API.STREAM.MSG.DELETE.ORDERS", "{\"seq\":2}"),
                Step.api("$JS.API.STREAM.MSG.DELETE.ORDERS", "{\"seq\":99}"),
                Step.api("$JS.API.STREAM.INFO.ORDERS", "{\"deleted_details\":true}"),
                Step.api("$JS.API.DIRECT.GET.KV", "{\"seq\":6}"),
                Step.api("$JS.API.DIRECT.GET.KV.kv.b", ""),
                Step.api("$JS.API.DIRECT.GET.KV", "{\"seq\":1}"),
                Step.api("$JS.API.DIRECT.GET.KV", ""),
                Step.api("$JS.API.DIRECT.GET.KV", "{}"),
                Step.api("$JS.API.DIRECT.GET.KV", "{\"last_by_subj\":\"kv.a\",\"next_by_subj\":\"kv.a\"}"),
                Step.api("$JS.API.DIRECT.GET.KV.kv.a", "{\"seq\":1}"),
                Step.api("$JS.API.STREAM.MSG.GET.ORDERS",
                        "{\"last_by_subj\":\"orders.a\",\"next_by_subj\":\"orders.a\"}"),
                Step.api("$JS.API.STREAM.NAMES", ""),
                Step.api("$JS.API.STREAM.NAMES", "{\"subject\":\"kv.x\"}"),
                Step.api("$JS.API.STREAM.LIST", ""),
                Step.api("$JS.API.STREAM.UPDATE.ORDERS", "{\"name\":\"ORDERS\",\"subjects\":[\"orders.*\"],\"max_msgs\":3}"),
                Step.api("$JS.API.STREAM.UPDATE.ORDERS", "{\"name\":\"ORDERS\",\"subjects\":[\"orders.*\"],\"storage\":\"memory\"}"),
                Step.api("$JS.API.STREAM.UPDATE.NONE", "{\"name\":\"NONE\"}"),
                Step.api("$JS.API.STREAM.PURGE.ORDERS", "{\"filter\":\"orders.c\",\"keep\":1}"),
                Step.api("$JS.API.STREAM.PURGE.ORDERS", "{\"seq\":2,\"keep\":1}"),
                Step.api("$JS.API.STREAM.PURGE.ORDERS", ""),
                Step.api("$JS.API.STREAM.INFO.ORDERS", ""),
                Step.api("$JS.API.STREAM.DELETE.KV", "{\"a\":1}"),
                Step.api("$JS.API.STREAM.DELETE.NOPE", "{\"a\":1}"),
                Step.api("$JS.API.STREAM.DELETE.KV", ""),
                Step.api("$JS.API.STREAM.DELETE.KV", ""),
                Step.api("$JS.API.STREAM.INFO.KV", ""),
                Step.api("$JS.API.STREAM.NAMES", ""),
                Step.api("$JS.API.STREAM.CREATE.LIM", "{\"name\":\"LIM\",\"subjects\":[\"lim.*\"],\"max_bytes\":100,"
                        + "\"discard\":\"new\",\"max_msg_size\":70}"),
                Step.publish("lim.a", "x".repeat(60)),
                Step.publish("lim.a", "x".repeat(60)),
                Step.publish("lim.a", "x".repeat(71)),
                Step.api("$JS.API.STREAM.CREATE.PER", "{\"name\":\"PER\",\"subjects\":[\"per.*\"],"
                        + "\"max_msgs_per_subject\":1,\"discard\":\"new\",\"discard_new_per_subject\":true,"
                        + "\"storage\":\"memory\"}"),
                Step.publish("per.a", "1"),
                Step.publish("per.b", "2"),
                Step.publish("per.a", "3"),
                Step.publish("per.c", "4", "Nats-Expected-Last-Subject-Sequence", "0"),
                Step.api("$JS.API.STREAM.CREATE.DENY", "{\"name\":\"DENY\",\"deny_delete\":true,\"deny_purge\":true}"),
                Step.publish("DENY", "d"),
                Step.api("$JS.API.STREAM.PURGE.DENY", ""),
                Step.api("$JS.API.STREAM.MSG.DELETE.DENY", "{\"seq\":1}"),
                Step.api("$JS.API.STREAM.MSG.DELETE.DENY", ""),
                Step.api("$JS.API.STREAM.UPDATE.DENY", "{\"name\":\"DENY\",\"deny_delete\":true,\"deny_purge\":true,"
                        + "\"sealed\":true}"),
                Step.publish("DENY", "sealed"),
                Step.api("$JS.API.STREAM.PURGE.DENY", ""),
                Step.api("$JS.API.STREAM.UPDATE.DENY", "{\"name\":\"DENY\"}"),
                Step.api("$JS.API.STREAM.NAMES", "{\"offset\":2}"),
                Step.api("$JS.API.STREAM.LIST", "{\"subject\":\"per.>\"}"),
                Step.api("$JS.API.INFO", ""));
    }

    /**
     * Endpoints Hermod answers only with errors: snapshots and restores get nats-server's checks up to the point
     * where nats would start one, cluster operations nats-server's refusal when it is not clustered.
     */
    private static List<Step> unservedEndpoints() {
        return List.of(
                Step.api("$JS.API.STREAM.CREATE.K", "{\"name\":\"K\",\"subjects\":[\"k.>\"],\"placement\":{}}"),
                Step.api("$JS.API.STREAM.CREATE.T", "{\"name\":\"T\",\"placement\":{\"tags\":[\"a\"]}}"),
                Step.api("$JS.API.STREAM.SNAPSHOT.K", ""),
                Step.api("$JS.API.STREAM.SNAPSHOT.K", "{}"),
                Step.api("$JS.API.STREAM.SNAPSHOT.NOPE", "{\"deliver_subject\":\"x\"}"),
                Step.api("$JS.API.STREAM.SNAPSHOT.K", "{bad"),
                Step.api("$JS.API.STREAM.SNAPSHOT.K", "{\"deliver_subject\":\"a..b\"}"),
                Step.api("$JS.API.STREAM.SNAPSHOT.K", "{\"no_consumers\":true}"),
                Step.api("$JS.API.STREAM.RESTORE.K", "{}"),
                Step.api("$JS.API.STREAM.RESTORE.K", "{bad"),
                Step.api("$JS.API.STREAM.RESTORE.K", "{\"config\":\"x\"}"),
                Step.api("$JS.API.STREAM.RESTORE.K", "{\"config\":{\"name\":\"K\"}}"),
                Step.api("$JS.API.STREAM.LEADER.STEPDOWN.K", ""),
                Step.api("$JS.API.STREAM.LEADER.STEPDOWN.NOPE", ""),
                Step.api("$JS.API.STREAM.PEER.REMOVE.K", "{\"peer\":\"x\"}"),
                Step.api("$JS.API.STREAM.LIST", "{bad"),
                Step.api("$JS.API.STREAM.NAMES", "{bad"));
    }

    /**
     * Requests decoded as Go decodes them: a value of another JSON type than its field's is refused ("invalid
     * JSON"), a key matches its field whatever its case.
     */
    private static List<Step> goDecoding() {
        String create = "$JS.API.STREAM.CREATE.A";
        String config = "{\"name\":\"A\",\"subjects\":[\"a.>\"]";
        return List.of(
                Step.api(create, config + ",\"max_msgs\":\"5\"}"),
                Step.api(create, config + ",\"max_msgs\":5.5}"),
                Step.api(create, config + ",\"max_msgs\":5.0}"),
                Step.api(create, config + ",\"max_msgs\":1e3}"),
                Step.api(create, config + ",\"sealed\":\"false\"}"),
                Step.api(create, config + ",\"deny_delete\":1}"),
                Step.api(create, config + ",\"description\":5}"),
                Step.api(create, config + ",\"max_msg_size\":3000000000}"),
                Step.api(create, config + ",\"max_msgs\":null}"),
                Step.publish("a.1", "x"),
                Step.api("$JS.API.STREAM.MSG.GET.A", "{\"seq\":\"1\"}"),
                Step.api("$JS.API.STREAM.MSG.GET.A", "{\"seq\":-1}"),
                Step.api("$JS.API.STREAM.MSG.DELETE.A", "{\"seq\":-1}"),
                Step.api("$JS.API.STREAM.PURGE.A", "{\"keep\":-1}"),
                Step.api("$JS.API.STREAM.PURGE.A", "{\"seq\":-1}"),
                Step.api("$JS.API.STREAM.NAMES", "{\"offset\":\"1\"}"),
                Step.api("$JS.API.STREAM.INFO.A", "{\"deleted_details\":1}"),
                Step.api("$JS.API.STREAM.INFO.A", ""),
                Step.api("$JS.API.STREAM.CREATE.B", "{\"NAME\":\"B\",\"Subjects\":[\"b.>\"],\"Max_Msgs\":5}"));
    }

    private void assertRepliesAsNatsServer(List<Step> steps) throws Exception {
        assertEquals(List.of(), NatsDifferential.differences(dir.resolve("store"), steps,
                step -> Duration.ofSeconds(5), StreamApiDifferentialTest::describe));
    }

    @Test
    void requestsAreDecodedAsGoDecodesThem() throws Exception {
        assertRepliesAsNatsServer(goDecoding());
    }

    @Test
    void endpointsHermodDoesNotServeAnswerWithNatsServersErrors() throws Exception {
        assertRepliesAsNatsServer(unservedEndpoints());
    }

    @Test
    void hermodRepliesAsNatsServerDoes() throws Exception {
        assertRepliesAsNatsServer(scenario());
    }

    private static String describe(Message reply) {
        StringBuilder text = new StringBuilder();
        if (reply.getHeaders() != null && !reply.getHeaders().isEmpty()) {
            TreeMap<String, List<String>> sorted = new TreeMap<>();
            reply.getHeaders().entrySet().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            sorted.remove("Nats-Time-Stamp");
            text.append(sorted).append(' ');
        }
        if (reply.getStatus() != null) {
            text.append(reply.getStatus().getCode()).append(' ').append(reply.getStatus().getMessage()).append(' ');
        }
        return text.append(normalise(new String(reply.getData(), StandardCharsets.UTF_8))).toString();
    }

    static String normalise(String json) {
        // Account usage is left out: after this scenario's purges nats-server 2.9.10 still counts one purged
        // message (42 bytes) in "storage" though its stream totals are right. StreamBytesDifferentialTest compares it.
        return json.replaceAll("\"(created|first_ts|last_ts|time)\":\"[^\"]*\"", "\"$1\":\"T\"")
                .replaceAll("\"(storage|memory)\":\\d+", "\"$1\":0")
                .replaceAll("\"api\":\\{[^}]*}", "\"api\":{}");
    }
}
