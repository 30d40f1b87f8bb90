package io.hermod.store.log;

import com.google.protobuf.InvalidProtocolBufferException;
import io.hermod.store.proto.LogRecord;
import java.util.zip.CRC32C;

/**
 * Frames {@link LogRecord}s for the log: the record's protobuf bytes followed by its field 15, {@code crc32c}
 * (tag byte {@code 0x7D}, then CRC32C of the preceding bytes, 4 bytes little-endian). Appending a field to
 * serialised protobuf is a valid merge, so the framed bytes parse as the record with its checksum set.
 *
 * <p>Stateless and thread-safe.
 */
public final class LogRecordCodec {
    static final int TRAILER = 5;
    private static final byte CRC_TAG = (byte) ((15 << 3) | 5);

    private LogRecordCodec() {
    }

    /** The framed bytes of a record whose {@code crc32c} field is unset. */
    public static byte[] encode(LogRecord record) {
        int size = record.getSerializedSize();
        byte[] out = new byte[size + TRAILER];
        com.google.protobuf.CodedOutputStream stream = com.google.protobuf.CodedOutputStream.newInstance(out, 0, size);
        try {
            record.writeTo(stream);
            stream.checkNoSpaceLeft();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("protobuf could not write into an array of its own size", e);
        }
        int crc = crc(out, size);
        out[size] = CRC_TAG;
        out[size + 1] = (byte) crc;
        out[size + 2] = (byte) (crc >>> 8);
        out[size + 3] = (byte) (crc >>> 16);
        out[size + 4] = (byte) (crc >>> 24);
        return out;
    }

    /**
     * The record in {@code bytes}, or {@code null} when the bytes are not a whole record: too short, trailer
     * missing, checksum mismatch, or unparseable.
     */
    public static LogRecord decode(byte[] bytes) {
        int size = bytes.length - TRAILER;
        if (size < 0 || bytes[size] != CRC_TAG) {
            return null;
        }
        int stored = (bytes[size + 1] & 0xFF) | (bytes[size + 2] & 0xFF) << 8 | (bytes[size + 3] & 0xFF) << 16
                | (bytes[size + 4] & 0xFF) << 24;
        if (stored != crc(bytes, size)) {
            return null;
        }
        try {
            return LogRecord.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            return null;
        }
    }

    private static int crc(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
