package io.hermod.cli.jetstream;

import io.nats.client.api.AckPolicy;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.ReplayPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/** The policy words the {@code nats} CLI accepts, case-insensitive, turned into jnats' enums. */
final class PolicyConverters {
    private PolicyConverters() {
    }

    static final class Retention implements ITypeConverter<RetentionPolicy> {
        @Override
        public RetentionPolicy convert(String value) {
            return switch (word(value)) {
                case "limits" -> RetentionPolicy.Limits;
                case "interest" -> RetentionPolicy.Interest;
                case "work", "workqueue" -> RetentionPolicy.WorkQueue;
                default -> throw invalid(value, "limits, interest, workqueue");
            };
        }
    }

    static final class Storage implements ITypeConverter<StorageType> {
        @Override
        public StorageType convert(String value) {
            return switch (word(value)) {
                case "file" -> StorageType.File;
                case "memory", "mem" -> StorageType.Memory;
                default -> throw invalid(value, "file, memory");
            };
        }
    }

    static final class Discard implements ITypeConverter<DiscardPolicy> {
        @Override
        public DiscardPolicy convert(String value) {
            return switch (word(value)) {
                case "old" -> DiscardPolicy.Old;
                case "new" -> DiscardPolicy.New;
                default -> throw invalid(value, "old, new");
            };
        }
    }

    static final class Ack implements ITypeConverter<AckPolicy> {
        @Override
        public AckPolicy convert(String value) {
            return switch (word(value)) {
                case "explicit" -> AckPolicy.Explicit;
                case "all" -> AckPolicy.All;
                case "none" -> AckPolicy.None;
                default -> throw invalid(value, "explicit, all, none");
            };
        }
    }

    static final class Replay implements ITypeConverter<ReplayPolicy> {
        @Override
        public ReplayPolicy convert(String value) {
            return switch (word(value)) {
                case "instant" -> ReplayPolicy.Instant;
                case "original" -> ReplayPolicy.Original;
                default -> throw invalid(value, "instant, original");
            };
        }
    }

    private static String word(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    private static TypeConversionException invalid(String value, String choices) {
        return new TypeConversionException("'" + value + "' is not one of " + choices);
    }
}
