package io.hermod.consumers.kv;

import io.nats.client.ObjectStore;
import io.nats.client.api.ObjectInfo;
import io.nats.client.api.ObjectStoreConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reading objects back through jnats (ordered push consumers underneath): get with digest check, and list. */
class ObjectStoreReadTest extends KvServerTest {
    private ObjectStore os;

    @BeforeEach
    void createStore() throws Exception {
        nc.objectStoreManagement().create(ObjectStoreConfiguration.builder("r").build());
        os = nc.objectStore("r");
    }

    @Test
    void getOfAFiveMegabyteObjectReturnsTheSameBytes() throws Exception {
        byte[] data = ObjectStoreTest.randomBytes(ObjectStoreTest.FIVE_MB, 11);
        ObjectInfo put = os.put("big.bin", data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ObjectInfo got = os.get("big.bin", out);
        assertEquals(put.getDigest(), got.getDigest());
        assertArrayEquals(data, out.toByteArray());
    }

    @Test
    void getOfAnEmptyObjectReturnsNoBytes() throws Exception {
        os.put("empty", new byte[0]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        os.get("empty", out);
        assertEquals(0, out.size());
    }

    @Test
    void listShowsLiveObjectsOnly() throws Exception {
        assertEquals(List.of(), os.getList());
        os.put("one", "1".getBytes());
        os.put("two", ObjectStoreTest.randomBytes(200_000, 2));
        os.put("three", "3".getBytes());
        os.delete("two");
        assertEquals(List.of("one", "three"), os.getList().stream().map(ObjectInfo::getObjectName).sorted().toList());
    }
}
