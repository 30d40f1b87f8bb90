package io.hermod.consumers.kv;

import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bucket administration through jnats' {@link KeyValueManagement}: create, status, list, update, delete. */
class KeyValueBucketTest extends KvServerTest {
    @Test
    void createdBucketReportsItsConfigurationInStatus() throws Exception {
        KeyValueManagement kvm = nc.keyValueManagement();
        KeyValueStatus created = kvm.create(KeyValueConfiguration.builder().name("config").description("settings")
                .maxHistoryPerKey(5).ttl(Duration.ofHours(1)).maxBucketSize(1 << 20).maximumValueSize(4096)
                .storageType(StorageType.Memory).build());
        assertEquals("config", created.getBucketName());

        KeyValueStatus status = kvm.getStatus("config");
        assertEquals("config", status.getBucketName());
        assertEquals("settings", status.getDescription());
        assertEquals(5, status.getMaxHistoryPerKey());
        assertEquals(Duration.ofHours(1), status.getTtl());
        assertEquals(1 << 20, status.getMaxBucketSize());
        assertEquals(4096, status.getMaximumValueSize());
        assertEquals(StorageType.Memory, status.getStorageType());
        assertEquals(1, status.getReplicas());
        assertEquals(0, status.getEntryCount());
        assertEquals("JetStream", status.getBackingStore());
    }

    @Test
    void backingStreamIsConfiguredAsNatsKeyValueConventionRequires() throws Exception {
        nc.keyValueManagement().create(KeyValueConfiguration.builder().name("conv").maxHistoryPerKey(3).build());
        StreamConfiguration sc = nc.jetStreamManagement().getStreamInfo("KV_conv").getConfiguration();
        assertEquals(List.of("$KV.conv.>"), sc.getSubjects());
        assertEquals(3, sc.getMaxMsgsPerSubject());
        assertTrue(sc.getAllowRollup());
        assertTrue(sc.getDenyDelete());
        assertTrue(sc.getAllowDirect());
        assertEquals(io.nats.client.api.DiscardPolicy.New, sc.getDiscardPolicy());
        assertEquals(StorageType.File, sc.getStorageType());
    }

    @Test
    void bucketNamesListsOnlyKeyValueBuckets() throws Exception {
        KeyValueManagement kvm = nc.keyValueManagement();
        kvm.create(KeyValueConfiguration.builder().name("one").build());
        kvm.create(KeyValueConfiguration.builder().name("two").storageType(StorageType.Memory).build());
        nc.jetStreamManagement().addStream(StreamConfiguration.builder().name("plain").subjects("plain.>").build());
        nc.objectStoreManagement().create(io.nats.client.api.ObjectStoreConfiguration.builder("files").build());

        assertEquals(List.of("one", "two"), kvm.getBucketNames().stream().sorted().toList());
        assertEquals(List.of("one", "two"),
                kvm.getStatuses().stream().map(KeyValueStatus::getBucketName).sorted().toList());
    }

    @Test
    void deletedBucketIsGoneAndItsStatusIsStreamNotFound() throws Exception {
        KeyValueManagement kvm = nc.keyValueManagement();
        kvm.create(KeyValueConfiguration.builder().name("gone").build());
        nc.keyValue("gone").put("k", "v");
        kvm.delete("gone");

        assertFalse(kvm.getBucketNames().contains("gone"));
        JetStreamApiException e = assertThrows(JetStreamApiException.class, () -> kvm.getStatus("gone"));
        assertEquals(10059, e.getApiErrorCode());
        assertEquals(404, e.getErrorCode());
    }

    @Test
    void updateChangesHistoryAndTtlOfAnExistingBucket() throws Exception {
        KeyValueManagement kvm = nc.keyValueManagement();
        kvm.create(KeyValueConfiguration.builder().name("upd").maxHistoryPerKey(2).build());
        KeyValueStatus updated = kvm.update(KeyValueConfiguration.builder().name("upd").maxHistoryPerKey(7)
                .ttl(Duration.ofMinutes(5)).build());
        assertEquals(7, updated.getMaxHistoryPerKey());
        assertEquals(Duration.ofMinutes(5), kvm.getStatus("upd").getTtl());
    }

    @Test
    void entryCountAndBytesFollowPuts() throws Exception {
        nc.keyValueManagement().create(KeyValueConfiguration.builder().name("count").maxHistoryPerKey(10).build());
        var kv = nc.keyValue("count");
        kv.put("a", "1");
        kv.put("a", "2");
        kv.put("b", "3");
        KeyValueStatus status = kv.getStatus();
        assertEquals(3, status.getEntryCount());
        assertTrue(status.getByteCount() > 0);
        StreamInfo info = status.getBackingStreamInfo();
        assertEquals(3, info.getStreamState().getLastSequence());
    }
}
