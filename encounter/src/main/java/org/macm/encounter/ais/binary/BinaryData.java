package org.macm.encounter.ais.binary;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The application data of an AIS binary message (types 6, 8, 25 and 26): the bits after the
 * envelope, immutable, with the reads an application decoder needs. Bit 0 is the first data
 * bit (the first bit after the DAC and FI), most significant bit first, as ITU-R M.1371 draws
 * fields. Reading past {@link #bitLength()} yields zeros, so a decoder can read a short
 * final field the way the AIS message decoder does; it checks lengths it relies on itself.
 */
public final class BinaryData {
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;
    private final int bitLength;

    private BinaryData(byte[] bytes, int bitLength) {
        this.bytes = bytes;
        this.bitLength = bitLength;
    }

    /** {@code bitLength} bits from {@code bytes}, first bit the top bit of byte 0; bits past it are cleared. */
    public static BinaryData of(byte[] bytes, int bitLength) {
        Objects.requireNonNull(bytes, "bytes");
        if (bitLength < 0 || bitLength > bytes.length * 8) {
            throw new IllegalArgumentException("bit length " + bitLength + " does not fit " + bytes.length + " bytes");
        }
        byte[] copy = Arrays.copyOf(bytes, (bitLength + 7) / 8);
        if ((bitLength & 7) != 0) {
            copy[copy.length - 1] &= (byte) (0xFF << (8 - (bitLength & 7)));
        }
        return new BinaryData(copy, bitLength);
    }

    public int bitLength() {
        return bitLength;
    }

    /** The unsigned field of {@code length} (0..63) bits from bit {@code start}. */
    public long unsigned(int start, int length) {
        if (length < 0 || length > 63 || start < 0) {
            throw new IllegalArgumentException("cannot read " + length + " bits at " + start);
        }
        long v = 0;
        for (int i = start; i < start + length; i++) {
            v = (v << 1) | bit(i);
        }
        return v;
    }

    /** The two's-complement field of {@code length} (2..63) bits from bit {@code start}. */
    public long signed(int start, int length) {
        return (unsigned(start, length) << (64 - length)) >> (64 - length);
    }

    public boolean flag(int bit) {
        return bit(bit) != 0;
    }

    private int bit(int i) {
        int b = i >>> 3;
        return b >= bytes.length ? 0 : (bytes[b] >>> (7 - (i & 7))) & 1;
    }

    /**
     * Six-bit ASCII text of {@code chars} characters from bit {@code start}, cut at the first
     * {@code '@'} and trimmed of trailing spaces, as the AIS text fields are read elsewhere.
     */
    public String text(int start, int chars) {
        StringBuilder out = new StringBuilder(chars);
        for (int i = 0; i < chars; i++) {
            int v = (int) unsigned(start + 6 * i, 6);
            if (v == 0) {
                break;
            }
            out.append((char) (v < 32 ? v + 64 : v));
        }
        int n = out.length();
        while (n > 0 && out.charAt(n - 1) == ' ') {
            n--;
        }
        out.setLength(n);
        return out.toString();
    }

    /** The bits from {@code start} to the end, as a new value (bit {@code start} becomes bit 0). */
    public BinaryData from(int start) {
        int n = Math.max(0, bitLength - start);
        byte[] out = new byte[(n + 7) / 8];
        for (int i = 0; i < n; i++) {
            if (bit(start + i) != 0) {
                out[i >>> 3] |= (byte) (0x80 >>> (i & 7));
            }
        }
        return new BinaryData(out, n);
    }

    /**
     * The data as gpsd prints it: lower-case hex of the whole bytes, the last byte padded with
     * zero bits. {@link #bitLength()} says how many of them are data.
     */
    public String hex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryData d && d.bitLength == bitLength && Arrays.equals(d.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * bitLength + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return bitLength + ":" + hex();
    }
}
