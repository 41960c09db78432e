package org.macm.encounter.ais.binary;

/** Builds application data field by field, as the layout tables draw it, for tests. */
final class Bits {
    private final StringBuilder bits = new StringBuilder();

    /** Appends {@code value} as an unsigned or two's-complement field of {@code width} bits. */
    Bits put(long value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            bits.append(((value >>> i) & 1) == 1 ? '1' : '0');
        }
        return this;
    }

    Bits flag(boolean value) {
        return put(value ? 1 : 0, 1);
    }

    /** Six-bit text padded with '@' to {@code chars} characters. */
    Bits text(String text, int chars) {
        for (int i = 0; i < chars; i++) {
            int c = i < text.length() ? text.charAt(i) : '@';
            put(c >= 64 ? c - 64 : c, 6);
        }
        return this;
    }

    int length() {
        return bits.length();
    }

    BinaryData data() {
        byte[] bytes = new byte[(bits.length() + 7) / 8];
        for (int i = 0; i < bits.length(); i++) {
            if (bits.charAt(i) == '1') {
                bytes[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        return BinaryData.of(bytes, bits.length());
    }
}
