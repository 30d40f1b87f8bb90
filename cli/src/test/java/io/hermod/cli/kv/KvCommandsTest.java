package io.hermod.cli.kv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermod.cli.client.CliServer;
import io.hermod.cli.client.ExitCodes;
import io.hermod.cli.client.HermodRun.Result;
import io.hermod.cli.client.HermodRun.Running;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code hermod kv ...} in-process against a real Hermod server. {@code history}, {@code keys} and {@code watch}
 * go through jnats' ordered push consumers: their tests run when the server has push consumers and are skipped
 * (with the reason) on a server without them.
 */
class KvCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final CliServer cli = CliServer.withJetStream();

    /** Whether the server accepts a push consumer, which jnats' key listing, history and watch need. */
    private static void assumePushConsumers() throws Exception {
        try (Connection nc = cli.connect()) {
            nc.jetStreamManagement().addStream(StreamConfiguration.builder().name("PUSHPROBE")
                    .subjects("pushprobe").build());
            try {
                nc.jetStreamManagement().addOrUpdateConsumer("PUSHPROBE",
                        ConsumerConfiguration.builder().durable("probe").deliverSubject("pushprobe.deliver").build());
            } catch (JetStreamApiException e) {
                Assumptions.abort("the server has no push consumers yet (" + e.getErrorDescription() + ")");
            } finally {
                nc.jetStreamManagement().deleteStream("PUSHPROBE");
            }
        }
    }

    @Test
    void addCreatesABucketAndLsShowsIt() throws Exception {
        Result add = cli.ok("kv", "add", "ADDED", "--history", "5", "--ttl", "1d", "--max-value-size", "1KB",
                "--description", "settings");
        assertTrue(add.out().startsWith("Information for key-value bucket ADDED\n"), add::toString);
        assertTrue(add.out().contains("History kept: 5"), add::toString);
        assertTrue(add.out().contains("Values expire after: 1d"), add::toString);
        assertTrue(add.out().contains("Maximum value size: 1.0 KiB"), add::toString);

        assertTrue(cli.ok("kv", "ls", "--names").out().lines().toList().contains("ADDED"));
        Result table = cli.ok("kv", "ls");
        assertTrue(table.out().startsWith("Key-value buckets\n"), table::toString);
        String row = table.out().lines().filter(l -> l.startsWith("ADDED ")).findFirst().orElseThrow();
        assertTrue(row.matches("ADDED\\s+settings\\s+0\\s+0 B\\s+5"), row);
        JsonNode all = cli.json("kv", "ls", "--json");
        JsonNode added = null;
        for (JsonNode b : all) {
            if (b.get("bucket").asText().equals("ADDED")) {
                added = b;
            }
        }
        assertTrue(added != null, all::toString);
        assertEquals(5, added.get("history").asLong());
        assertEquals(86_400_000_000_000L, added.get("ttl").asLong());

        // The bucket is a stream in NATS's layout.
        assertEquals(ExitCodes.OK, cli.run("stream", "info", "KV_ADDED").exitCode());
    }

    @Test
    void putThenGetReturnsTheValueWithItsRevision() throws Exception {
        cli.ok("kv", "add", "PG");
        assertEquals("PG > db.url revision 1\n", cli.ok("kv", "put", "PG", "db.url", "postgres://db:5432").out());
        Result get = cli.ok("kv", "get", "PG", "db.url");
        assertTrue(get.out().startsWith("PG > db.url revision: 1 created @ "), get::toString);
        assertTrue(get.out().endsWith("\n\npostgres://db:5432\n"), get::toString);
        assertEquals("postgres://db:5432", cli.ok("kv", "get", "PG", "db.url", "--raw").out());

        assertEquals("PG > db.url revision 2\n", cli.ok("kv", "put", "PG", "db.url", "postgres://db2:5432").out());
        JsonNode latest = cli.json("kv", "get", "PG", "db.url", "--json");
        assertEquals(2, latest.get("revision").asLong());
        assertEquals("PUT", latest.get("operation").asText());
        assertEquals("postgres://db2:5432",
                new String(Base64.getDecoder().decode(latest.get("value").asText()), StandardCharsets.UTF_8));
    }

    @Test
    void putReadsTheValueFromStandardInputWhenNoneIsGiven() {
        cli.ok("kv", "add", "STDIN");
        Result put = cli.runWithInput("line one\nline two\n", "kv", "put", "STDIN", "text");
        assertEquals(ExitCodes.OK, put.exitCode(), put::toString);
        assertEquals("line one\nline two\n", cli.ok("kv", "get", "STDIN", "text", "--raw").out());
    }

    @Test
    void getOfAMissingKeyOrBucketExitsNotFound() {
        cli.ok("kv", "add", "MISS");
        Result key = cli.run("kv", "get", "MISS", "nothing");
        assertEquals(ExitCodes.NOT_FOUND, key.exitCode(), key::toString);
        assertEquals("hermod: key not found: MISS > nothing\n", key.err());
        Result bucket = cli.run("kv", "get", "NOBUCKET", "k");
        assertEquals(ExitCodes.NOT_FOUND, bucket.exitCode(), bucket::toString);
        assertTrue(bucket.err().contains("stream not found"), bucket::toString);
        Result badKey = cli.run("kv", "put", "MISS", "bad key", "v");
        assertEquals(ExitCodes.USAGE, badKey.exitCode(), badKey::toString);
    }

    @Test
    void delHidesTheKeyAndPurgeNeedsForce() {
        cli.ok("kv", "add", "DEL");
        cli.ok("kv", "put", "DEL", "a", "1");
        cli.ok("kv", "put", "DEL", "b", "2");
        assertEquals("Deleted DEL > a\n", cli.ok("kv", "del", "DEL", "a").out());
        assertEquals(ExitCodes.NOT_FOUND, cli.run("kv", "get", "DEL", "a").exitCode());

        assertEquals(ExitCodes.USAGE, cli.run("kv", "purge", "DEL", "b").exitCode());
        assertEquals("2", cli.ok("kv", "get", "DEL", "b", "--raw").out());
        assertEquals("Purged DEL > b\n", cli.ok("kv", "purge", "DEL", "b", "-f").out());
        assertEquals(ExitCodes.NOT_FOUND, cli.run("kv", "get", "DEL", "b").exitCode());
    }

    @Test
    void rmDeletesTheBucket() {
        cli.ok("kv", "add", "GONE");
        assertEquals(ExitCodes.USAGE, cli.run("kv", "rm", "GONE").exitCode());
        assertEquals("Deleted bucket GONE\n", cli.ok("kv", "rm", "GONE", "-f").out());
        assertEquals(ExitCodes.NOT_FOUND, cli.run("kv", "rm", "GONE", "-f").exitCode());
    }

    @Test
    void historyListsEveryRevisionKept() throws Exception {
        assumePushConsumers();
        cli.ok("kv", "add", "HIST", "--history", "5");
        cli.ok("kv", "put", "HIST", "k", "v1");
        cli.ok("kv", "put", "HIST", "k", "v2");
        cli.ok("kv", "del", "HIST", "k");
        Result table = cli.ok("kv", "history", "HIST", "k");
        List<String> rows = table.out().lines().filter(l -> l.matches("\\s*\\d+\\s+(PUT|DELETE)\\s.*")).toList();
        assertEquals(3, rows.size(), table::toString);
        assertTrue(rows.get(0).matches("\\s*1\\s+PUT\\s+\\S+\\s+2\\s+v1"), rows.get(0));
        assertTrue(rows.get(2).matches("\\s*3\\s+DELETE\\s+\\S+\\s+0"), rows.get(2));
        JsonNode json = cli.json("kv", "history", "HIST", "k", "--json");
        assertEquals(3, json.size());
        assertEquals("DELETE", json.get(2).get("operation").asText());
    }

    @Test
    void keysListsTheKeysThatHoldAValue() throws Exception {
        assumePushConsumers();
        cli.ok("kv", "add", "KEYS");
        cli.ok("kv", "put", "KEYS", "db.url", "x");
        cli.ok("kv", "put", "KEYS", "db.user", "y");
        cli.ok("kv", "put", "KEYS", "cache.ttl", "z");
        cli.ok("kv", "del", "KEYS", "cache.ttl");
        assertEquals("db.url\ndb.user\n", cli.ok("kv", "keys", "KEYS").out());
        assertEquals(JSON.readTree("[\"db.url\",\"db.user\"]"), cli.json("kv", "keys", "KEYS", "db.>", "--json"));
    }

    @Test
    void watchPrintsTheCurrentValuesThenChanges() throws Exception {
        assumePushConsumers();
        cli.ok("kv", "add", "WATCH");
        cli.ok("kv", "put", "WATCH", "a", "1");
        Running watch = cli.start("kv", "watch", "WATCH", "--count", "2");
        watch.awaitOutput(w -> w.out().contains("PUT WATCH > a: 1"));
        cli.ok("kv", "put", "WATCH", "b", "2");
        Result done = watch.await();
        assertEquals(ExitCodes.OK, done.exitCode(), done::toString);
        assertTrue(done.out().contains("PUT WATCH > b: 2"), done::toString);
    }
}
