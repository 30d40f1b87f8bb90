package io.hermod.consumers.kv;

import io.nats.client.ObjectStore;
import io.nats.client.ObjectStoreManagement;
import io.nats.client.api.ObjectInfo;
import io.nats.client.api.ObjectStoreConfiguration;
import io.nats.client.api.ObjectStoreStatus;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Object stores through jnats' {@link ObjectStoreManagement} and {@link ObjectStore}: what needs no consumer. */
class ObjectStoreTest extends KvServerTest {
    static final int FIVE_MB = 5 * 1024 * 1024;

    static byte[] randomBytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    @Test
    void createdStoreReportsItsStatusAndBackingStream() throws Exception {
        ObjectStoreManagement osm = nc.objectStoreManagement();
        osm.create(ObjectStoreConfiguration.builder("files").description("blobs").storageType(StorageType.File)
                .build());
        ObjectStoreStatus status = osm.getStatus("files");
        assertEquals("files", status.getBucketName());
        assertEquals("blobs", status.getDescription());
        assertEquals(StorageType.File, status.getStorageType());
        assertFalse(status.isSealed());
        assertEquals(0, status.getSize());
        StreamConfiguration sc = nc.jetStreamManagement().getStreamInfo("OBJ_files").getConfiguration();
        assertEquals(List.of("$O.files.C.>", "$O.files.M.>"), sc.getSubjects().stream().sorted().toList());
        assertTrue(sc.getAllowRollup());
        assertEquals(List.of("files"), osm.getBucketNames());
    }

    @Test
    void putOfFiveMegabytesIsChunkedAndDescribedByItsInfo() throws Exception {
        nc.objectStoreManagement().create(ObjectStoreConfiguration.builder("big").build());
        ObjectStore os = nc.objectStore("big");
        byte[] data = randomBytes(FIVE_MB, 1);

        ObjectInfo put = os.put("blob.bin", data);
        assertEquals(FIVE_MB, put.getSize());
        assertEquals(FIVE_MB / (128 * 1024), put.getChunks());
        assertNotNull(put.getDigest());

        ObjectInfo info = os.getInfo("blob.bin");
        assertEquals("blob.bin", info.getObjectName());
        assertEquals("big", info.getBucket());
        assertEquals(FIVE_MB, info.getSize());
        assertEquals(put.getChunks(), info.getChunks());
        assertEquals(put.getNuid(), info.getNuid());
        assertEquals(put.getDigest(), info.getDigest());
        assertFalse(info.isDeleted());

        ObjectStoreStatus status = os.getStatus();
        assertTrue(status.getSize() > FIVE_MB, "the stream holds every chunk and the meta message");
        assertEquals(put.getChunks() + 1, status.getBackingStreamInfo().getStreamState().getMsgCount());
    }

    @Test
    void putAgainUnderTheSameNameReplacesTheMetaMessage() throws Exception {
        nc.objectStoreManagement().create(ObjectStoreConfiguration.builder("again").build());
        ObjectStore os = nc.objectStore("again");
        os.put("o", randomBytes(1000, 1));
        ObjectInfo second = os.put("o", randomBytes(2000, 2));
        assertEquals(2000, os.getInfo("o").getSize());
        assertEquals(second.getNuid(), os.getInfo("o").getNuid());
    }

    @Test
    void deleteMarksTheObjectDeletedAndPurgesItsChunks() throws Exception {
        nc.objectStoreManagement().create(ObjectStoreConfiguration.builder("del").build());
        ObjectStore os = nc.objectStore("del");
        os.put("o", randomBytes(300_000, 3));
        ObjectInfo deleted = os.delete("o");
        assertTrue(deleted.isDeleted());

        ObjectInfo info = os.getInfo("o", true);
        assertTrue(info.isDeleted());
        assertEquals(0, info.getSize());
        assertNull(os.getInfo("o"), "without includingDeleted a deleted object has no info");
        assertEquals(1, os.getStatus().getBackingStreamInfo().getStreamState().getMsgCount(),
                "only the meta message is left");
    }

    @Test
    void deletedStoreIsNoLongerListed() throws Exception {
        ObjectStoreManagement osm = nc.objectStoreManagement();
        osm.create(ObjectStoreConfiguration.builder("a").build());
        osm.create(ObjectStoreConfiguration.builder("b").storageType(StorageType.Memory).build());
        osm.delete("a");
        assertEquals(List.of("b"), osm.getBucketNames());
        assertEquals(List.of("b"), osm.getStatuses().stream().map(ObjectStoreStatus::getBucketName).toList());
    }
}
