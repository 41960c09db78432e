package org.macm.encounter.modes;

/**
 * The Mode S CRC-24 (generator polynomial 0x1FFF409, ICAO Annex 10 vol. IV 3.1.2.3.3): the
 * parity field of every Mode S reply is this CRC of the bits before it, overlaid with the
 * aircraft address (DF4/5/20/21) or the interrogator code (DF11) in some formats.
 */
public final class Crc24 {
    private static final int POLYNOMIAL = 0xFFF409;
    private static final int[] TABLE = table();

    private Crc24() {}

    private static int[] table() {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            int c = i << 16;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 0x800000) != 0 ? (c << 1) ^ POLYNOMIAL : c << 1;
            }
            t[i] = c & 0xFFFFFF;
        }
        return t;
    }

    /** The CRC of bytes {@code [from, to)} of {@code data}. */
    public static int of(byte[] data, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc = ((crc << 8) ^ TABLE[((crc >>> 16) ^ data[i]) & 0xFF]) & 0xFFFFFF;
        }
        return crc;
    }

    /**
     * The CRC of a whole frame but its last three bytes, XORed with those three (the parity):
     * zero for an intact DF17/18, the address for an intact DF4/5/20/21, the interrogator
     * code for an intact DF11.
     */
    public static int residual(byte[] frame) {
        int n = frame.length;
        if (n < 4) {
            return -1;
        }
        int parity = ((frame[n - 3] & 0xFF) << 16) | ((frame[n - 2] & 0xFF) << 8) | (frame[n - 1] & 0xFF);
        return of(frame, 0, n - 3) ^ parity;
    }
}
