package io.hermod.core.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenMapTest {

    @Test
    void agreesWithHashMapThroughPutsAndRemovesIncludingCollidingKeys() {
        TokenMap<Integer> tokens = new TokenMap<>();
        Map<String, Integer> model = new HashMap<>();
        // "Aa" and "BB" share a hash code, which forces probe runs and backward shifts on removal.
        String[] keys = {"Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa", "a", "b", "c", "foo", "bar", "*x", ">y"};
        Random random = new Random(42);
        for (int step = 0; step < 20_000; step++) {
            String key = keys[random.nextInt(keys.length)];
            if (random.nextBoolean()) {
                tokens.put(key, step);
                model.put(key, step);
            } else {
                tokens.remove(key);
                model.remove(key);
            }
            assertEquals(model.size(), tokens.size());
            for (String k : keys) {
                assertEquals(model.get(k), tokens.get(k), k);
            }
        }
    }

    @Test
    void looksUpATokenInsideALongerSubject() {
        TokenMap<String> tokens = new TokenMap<>();
        tokens.put("bar", "found");

        assertEquals("found", tokens.get("foo.bar.baz", 4, 7));
        assertNull(tokens.get("foo.barn.baz", 4, 8));
    }
}
