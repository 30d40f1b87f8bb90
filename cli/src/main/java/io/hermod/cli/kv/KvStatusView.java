package io.hermod.cli.kv;

import io.hermod.cli.client.output.HumanBytes;
import io.hermod.cli.client.output.HumanDuration;
import io.hermod.cli.client.output.JsonOutput;
import io.hermod.cli.client.output.KeyValueTable;
import io.nats.client.api.KeyValueStatus;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** A bucket's settings and size for people, or as JSON. */
final class KvStatusView {
    private KvStatusView() {
    }

    static Map<String, Object> toJson(KeyValueStatus s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bucket", s.getBucketName());
        json.put("description", s.getDescription());
        json.put("values", s.getEntryCount());
        json.put("bytes", s.getByteCount());
        json.put("history", s.getMaxHistoryPerKey());
        json.put("ttl", s.getTtl() == null ? 0 : s.getTtl().toNanos());
        json.put("max_bucket_size", s.getMaxBucketSize());
        json.put("max_value_size", s.getMaxValueSize());
        json.put("storage", s.getStorageType().toString());
        json.put("replicas", s.getReplicas());
        json.put("backing_store", s.getBackingStore());
        return json;
    }

    static void print(PrintWriter out, KeyValueStatus s, boolean json) {
        if (json) {
            JsonOutput.print(out, toJson(s));
            return;
        }
        out.println("Information for key-value bucket " + s.getBucketName());
        out.println();
        KeyValueTable t = new KeyValueTable().section("Configuration")
                .add("Bucket name", s.getBucketName());
        if (s.getDescription() != null && !s.getDescription().isEmpty()) {
            t.add("Description", s.getDescription());
        }
        t.add("History kept", s.getMaxHistoryPerKey())
                .add("Values expire after", s.getTtl() == null || s.getTtl().isZero() ? "never"
                        : HumanDuration.format(s.getTtl()))
                .add("Maximum bucket size", s.getMaxBucketSize() < 0 ? "unlimited"
                        : HumanBytes.format(s.getMaxBucketSize()))
                .add("Maximum value size", s.getMaxValueSize() < 0 ? "unlimited"
                        : HumanBytes.format(s.getMaxValueSize()))
                .add("Storage", s.getStorageType())
                .add("Backing store", s.getBackingStore() + " stream KV_" + s.getBucketName())
                .section("State")
                .add("Values stored", s.getEntryCount())
                .add("Bytes stored", HumanBytes.format(s.getByteCount()));
        t.print(out);
    }
}
