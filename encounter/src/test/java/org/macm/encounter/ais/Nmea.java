package org.macm.encounter.ais;

/** Builds test sentences: six-bit payloads field by field, and NMEA checksums. */
final class Nmea {
    private final StringBuilder bits = new StringBuilder();

    /** Appends {@code value} as an unsigned or two's-complement field of {@code width} bits. */
    Nmea put(long value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            bits.append(((value >>> i) & 1) == 1 ? '1' : '0');
        }
        return this;
    }

    /** Appends six-bit text padded with '@' to {@code chars} characters. */
    Nmea text(String text, int chars) {
        for (int i = 0; i < chars; i++) {
            int c = i < text.length() ? text.charAt(i) : '@';
            put(c >= 64 ? c - 64 : c, 6);
        }
        return this;
    }

    /** The sentence {@code !AIVDM,1,1,,A,payload,fill*hh}. */
    String sentence() {
        int fill = (6 - bits.length() % 6) % 6;
        StringBuilder padded = new StringBuilder(bits);
        padded.append("0".repeat(fill));
        StringBuilder armour = new StringBuilder();
        for (int i = 0; i < padded.length(); i += 6) {
            int v = Integer.parseInt(padded.substring(i, i + 6), 2);
            armour.append((char) (v < 40 ? v + 48 : v + 56));
        }
        return withChecksum("AIVDM,1,1,,A," + armour + "," + fill);
    }

    /** {@code !body*hh} with the right checksum. */
    static String withChecksum(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum ^= body.charAt(i);
        }
        return String.format("!%s*%02X", body, sum);
    }
}
