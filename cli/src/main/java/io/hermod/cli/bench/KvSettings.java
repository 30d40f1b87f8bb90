package io.hermod.cli.bench;

/**
 * What a key-value run ({@code --kv}) adds to {@link BenchSettings}.
 *
 * @param bucket the bucket to create (and delete afterwards unless {@code keepBucket})
 * @param keys distinct keys the puts and gets cycle through
 */
record KvSettings(String bucket, int keys, JsStorage storage, boolean keepBucket) {
}
