package io.hermod.consumers.state;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.hermod.consumers.ack.SequencePair;
import io.hermod.consumers.ack.TrackedMessage;
import io.hermod.consumers.config.ConsumerConfig;
import io.hermod.consumers.proto.ConsumerConfigRecord;
import io.hermod.consumers.proto.ConsumerStateRecord;
import io.hermod.consumers.proto.TrackedMessageRecord;
import io.hermod.store.StoreCorruptedException;
import io.hermod.store.api.GoJson;

import java.io.IOException;
import java.time.Instant;

/** Protobuf values of the consumer column families, to and from the model. Stateless. */
final class StateCodec {
    private StateCodec() {
    }

    static byte[] config(ConsumerRecord consumer) {
        Instant created = consumer.created();
        return ConsumerConfigRecord.newBuilder()
                .setStream(consumer.id().stream())
                .setName(consumer.id().name())
                .setConfigJson(ByteString.copyFrom(GoJson.write(consumer.config())))
                .setCreatedNanos(created.getEpochSecond() * 1_000_000_000L + created.getNano())
                .build().toByteArray();
    }

    static ConsumerRecord config(byte[] value) {
        try {
            ConsumerConfigRecord r = ConsumerConfigRecord.parseFrom(value);
            ConsumerConfig config = GoJson.mapper().readValue(r.getConfigJson().toByteArray(), ConsumerConfig.class);
            long nanos = r.getCreatedNanos();
            return new ConsumerRecord(new ConsumerId(r.getStream(), r.getName()), config,
                    Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)));
        } catch (IOException e) {
            throw corrupted("consumer config", e);
        }
    }

    static byte[] header(SequencePair delivered, SequencePair ackFloor) {
        return ConsumerStateRecord.newBuilder()
                .setDeliveredConsumerSeq(delivered.consumerSeq())
                .setDeliveredStreamSeq(delivered.streamSeq())
                .setAckFloorConsumerSeq(ackFloor.consumerSeq())
                .setAckFloorStreamSeq(ackFloor.streamSeq())
                .build().toByteArray();
    }

    static ConsumerStateRecord header(byte[] value) {
        try {
            return ConsumerStateRecord.parseFrom(value);
        } catch (InvalidProtocolBufferException e) {
            throw corrupted("consumer state", e);
        }
    }

    static byte[] message(TrackedMessage m) {
        return TrackedMessageRecord.newBuilder()
                .setConsumerSeq(m.consumerSeq())
                .setLastConsumerSeq(m.lastConsumerSeq())
                .setDeliveries(m.deliveries())
                .setDeliveredNanos(m.deliveredNanos())
                .setPending(m.pending())
                .build().toByteArray();
    }

    static TrackedMessage message(long streamSeq, byte[] value) {
        try {
            TrackedMessageRecord r = TrackedMessageRecord.parseFrom(value);
            return new TrackedMessage(streamSeq, r.getConsumerSeq(), r.getLastConsumerSeq(), r.getDeliveries(), r.getDeliveredNanos(),
                    r.getPending());
        } catch (InvalidProtocolBufferException e) {
            throw corrupted("tracked message " + streamSeq, e);
        }
    }

    private static StoreCorruptedException corrupted(String what, Exception cause) {
        return new StoreCorruptedException("unreadable " + what, cause);
    }
}
