package io.hermod.store;

/** Where a stream keeps its messages. */
public enum StorageType {
    /**
     * Counts a message as nats-server 2.9.10's file store does ({@code fileStoreMsgSize}): its record's length,
     * 22 bytes of length, sequence, timestamp and subject length, the subject, 4 bytes of header length when there
     * are headers, the headers, the payload and an 8-byte hash.
     */
    FILE {
        @Override
        public long messageSize(String subject, int headerLength, int payloadLength) {
            long base = 22L + utf8Length(subject) + payloadLength + 8;
            return headerLength == 0 ? base : base + 4 + headerLength;
        }
    },
    /**
     * Same semantics as {@link #FILE}, nothing persisted. Counts a message as nats-server 2.9.10's memory store
     * does ({@code memStoreMsgSize}): subject, headers and payload, plus 16 bytes of sequence and timestamp.
     */
    MEMORY {
        @Override
        public long messageSize(String subject, int headerLength, int payloadLength) {
            return (long) utf8Length(subject) + headerLength + payloadLength + 16;
        }
    };

    /**
     * What a message counts towards a stream's {@code bytes}, its {@code max_bytes} and the account's usage, per
     * message overhead included, so that every byte figure is the one nats-server reports.
     */
    public abstract long messageSize(String subject, int headerLength, int payloadLength);

    public long messageSize(StoredMessage message) {
        return messageSize(message.subject(), message.headers().length, message.payload().length);
    }

    /** Go's {@code len(subject)}: its UTF-8 bytes. */
    private static int utf8Length(String s) {
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    n++;
                } else if (Character.isHighSurrogate(c)) {
                    n += 2;
                    i++;
                } else {
                    n += 2;
                }
            }
        }
        return n;
    }
}
