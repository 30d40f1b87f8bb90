package io.hermod.core.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Go's {@code encoding/json} escaping, which nats-server's JSON (API replies and monitoring) has: {@code <}, {@code >}
 * and {@code &} as {@code &#92;u003c}, {@code &#92;u003e}, {@code &#92;u0026}; control characters other than
 * {@code \n}, {@code \r}, {@code \t}, and the line separators U+2028/U+2029, as lower-case {@code &#92;u00XX}.
 */
public final class GoCharacterEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] table;

    public GoCharacterEscapes() {
        table = standardAsciiEscapesForJSON();
        for (int c = 0; c < 0x20; c++) {
            if (c != '\n' && c != '\r' && c != '\t') {
                table[c] = ESCAPE_CUSTOM;
            }
        }
        table['<'] = ESCAPE_CUSTOM;
        table['>'] = ESCAPE_CUSTOM;
        table['&'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return table;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        boolean escaped = ch < 0x80 ? table[ch] == ESCAPE_CUSTOM : ch == 0x2028 || ch == 0x2029;
        return escaped ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
}
