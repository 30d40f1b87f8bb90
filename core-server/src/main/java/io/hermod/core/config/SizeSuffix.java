package io.hermod.core.config;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The unit suffixes nats-server 2.9 accepts on integers, case-insensitive: a bare letter is a power of 1000,
 * the letter followed by {@code b}, {@code i} or {@code ib} a power of 1024 ({@code 1k} = 1000, {@code 1KB} = 1024).
 */
final class SizeSuffix {
    private static final Map<String, Long> MULTIPLIERS = Map.ofEntries(
            Map.entry("", 1L),
            Map.entry("k", 1000L), Map.entry("kb", 1L << 10), Map.entry("ki", 1L << 10), Map.entry("kib", 1L << 10),
            Map.entry("m", 1000_000L), Map.entry("mb", 1L << 20), Map.entry("mi", 1L << 20), Map.entry("mib", 1L << 20),
            Map.entry("g", 1000_000_000L), Map.entry("gb", 1L << 30), Map.entry("gi", 1L << 30),
            Map.entry("gib", 1L << 30),
            Map.entry("t", 1000_000_000_000L), Map.entry("tb", 1L << 40), Map.entry("ti", 1L << 40),
            Map.entry("tib", 1L << 40),
            Map.entry("p", 1000_000_000_000_000L), Map.entry("pb", 1L << 50), Map.entry("pi", 1L << 50),
            Map.entry("pib", 1L << 50),
            Map.entry("e", 1000_000_000_000_000_000L), Map.entry("eb", 1L << 60), Map.entry("ei", 1L << 60),
            Map.entry("eib", 1L << 60));

    private SizeSuffix() {
    }

    /** Empty when nats-server does not know the suffix (it then silently drops the key; we report it instead). */
    static OptionalLong multiplier(String suffix) {
        Long m = MULTIPLIERS.get(suffix.toLowerCase(Locale.ROOT));
        return m == null ? OptionalLong.empty() : OptionalLong.of(m);
    }

    /** A letter that may start a suffix right after the digits. */
    static boolean isSuffixStart(int c) {
        return c >= 0 && "kKmMgGtTpPeE".indexOf(c) >= 0;
    }

    /** A letter that may continue a suffix: nats-server's lexer takes any run of these and judges it afterwards. */
    static boolean isSuffixTail(int c) {
        return c == 'b' || c == 'B' || c == 'i' || c == 'I';
    }
}
