package org.macm.encounter.ais;

/**
 * The bits of one AIS message, unpacked from the NMEA six-bit armour into 64-bit words so
 * that fields are read with two shifts instead of a loop over characters. One instance is
 * reused for every message a decoder sees; nothing is allocated per bit or per field.
 *
 * <pre>
 *  armour char:   '0'..'W' -> 0..39      '`'..'w' -> 40..63
 *  message bit:    0                                63 64 ...
 *  words[0]:      [b0 b1 b2 ...                    b63] (b0 is the most significant bit)
 *  words[1]:      [b64 ...                            ]
 *  char k fills bits 6k..6k+5, first character first; the last fill-bits bits are padding.
 * </pre>
 *
 * Reading past {@link #bitLength()} yields zeros, which is how the ITU text and number
 * fields of a short final field read when a sender dropped trailing padding.
 */
final class SixBitPayload {
    private final long[] words;
    private final int capacityBits;
    private int bitLength;
    private int usedWords;

    SixBitPayload(int maxChars) {
        capacityBits = maxChars * 6;
        // one spare word so a read that straddles the last used word never indexes past the end
        words = new long[capacityBits / 64 + 2];
    }

    /** Empties the buffer for the next message. */
    void clear() {
        for (int i = 0; i < usedWords; i++) {
            words[i] = 0L;
        }
        usedWords = 0;
        bitLength = 0;
    }

    /** Six-bit value of one armour character, or -1 when it is outside the armour alphabet. */
    static int armourValue(char c) {
        if (c >= '0' && c <= 'W') {
            return c - '0';
        }
        if (c >= '`' && c <= 'w') {
            return c - '0' - 8;
        }
        return -1;
    }

    /**
     * Appends the characters {@code [from, to)} of {@code text}. Returns false, leaving the
     * buffer in an unspecified state, when one is not armour or the capacity would be exceeded.
     */
    boolean append(CharSequence text, int from, int to) {
        if (bitLength + (to - from) * 6 > capacityBits) {
            return false;
        }
        int pos = bitLength;
        for (int i = from; i < to; i++) {
            int v = armourValue(text.charAt(i));
            if (v < 0) {
                return false;
            }
            int index = pos >>> 6;
            int shift = 58 - (pos & 63);
            if (shift >= 0) {
                words[index] |= ((long) v) << shift;
            } else {
                words[index] |= ((long) v) >>> -shift;
                words[index + 1] |= ((long) v) << (64 + shift);
            }
            pos += 6;
        }
        bitLength = pos;
        usedWords = (pos + 63) >>> 6;
        return true;
    }

    /** Drops the last {@code fillBits} padding bits (0..5) after the final fragment. */
    void dropFill(int fillBits) {
        bitLength = Math.max(0, bitLength - fillBits);
        int keepWords = (bitLength + 63) >>> 6;
        // zero the padding so that reads past the end still see zeros
        if (keepWords > 0 && (bitLength & 63) != 0) {
            words[keepWords - 1] &= -1L << (64 - (bitLength & 63));
        }
        for (int i = keepWords; i < usedWords; i++) {
            words[i] = 0L;
        }
        usedWords = Math.max(keepWords, 0);
    }

    int bitLength() {
        return bitLength;
    }

    /** The unsigned field of {@code length} (1..57) bits starting at bit {@code start}. */
    long unsigned(int start, int length) {
        int index = start >>> 6;
        if (index >= words.length - 1) {
            return 0L;
        }
        int offset = start & 63;
        long v = words[index] << offset;
        if (offset + length > 64) {
            v |= words[index + 1] >>> (64 - offset);
        }
        return v >>> (64 - length);
    }

    /** The two's-complement field of {@code length} (2..57) bits starting at bit {@code start}. */
    long signed(int start, int length) {
        return (unsigned(start, length) << (64 - length)) >> (64 - length);
    }

    /** One bit as a boolean. */
    boolean flag(int bit) {
        return unsigned(bit, 1) != 0;
    }

    /**
     * The six-bit ASCII text of {@code chars} characters from bit {@code start}, cut at the
     * first {@code '@'} (the ITU padding character) and trimmed of trailing spaces, as gpsd
     * and libais do. Returns the empty string when nothing is left.
     */
    String text(int start, int chars) {
        char[] out = new char[chars];
        int n = 0;
        for (int i = 0; i < chars; i++) {
            int v = (int) unsigned(start + 6 * i, 6);
            if (v == 0) {
                break;
            }
            out[n++] = (char) (v < 32 ? v + 64 : v);
        }
        while (n > 0 && out[n - 1] == ' ') {
            n--;
        }
        return n == 0 ? "" : new String(out, 0, n);
    }
}
