package org.macm.encounter.modes;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One received Mode S (7 or 14 bytes) or Mode A/C (2 bytes) reply, as the receiver framed
 * it, before any checking: the bytes, and when the receiver gave them, its 48-bit 12 MHz
 * timestamp (the AVR {@code @} prefix, the Beast header) and signal level (Beast). Immutable;
 * the bytes are copied in and out.
 */
public final class ModeSFrame {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final long NO_TIMESTAMP = -1;

    private final byte[] bytes;
    private final long timestamp;
    private final int signal;

    private ModeSFrame(byte[] bytes, long timestamp, int signal) {
        this.bytes = bytes;
        this.timestamp = timestamp;
        this.signal = signal;
    }

    /**
     * A frame of {@code length} bytes of {@code data} from {@code offset}, or empty when the
     * length is not 2, 7 or 14, the timestamp is not 48 bits or the signal not a byte.
     */
    public static Optional<ModeSFrame> of(byte[] data, int offset, int length, OptionalLong timestamp, OptionalInt signal) {
        if ((length != 2 && length != 7 && length != 14) || offset < 0 || offset + length > data.length) {
            return Optional.empty();
        }
        long t = timestamp.orElse(NO_TIMESTAMP);
        int s = signal.orElse(-1);
        if ((timestamp.isPresent() && (t < 0 || t > 0xFFFF_FFFF_FFFFL)) || (signal.isPresent() && (s < 0 || s > 255))) {
            return Optional.empty();
        }
        return Optional.of(new ModeSFrame(Arrays.copyOfRange(data, offset, offset + length), t, s));
    }

    /** A frame from its hex digits (4, 14 or 28 of them), without timestamp or signal; empty when not hex or of another length. */
    public static Optional<ModeSFrame> ofHex(String hex) {
        if (hex.length() != 4 && hex.length() != 14 && hex.length() != 28) {
            return Optional.empty();
        }
        try {
            byte[] b = HEX.parseHex(hex);
            return of(b, 0, b.length, OptionalLong.empty(), OptionalInt.empty());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Number of bytes: 2 (Mode A/C), 7 (56-bit Mode S) or 14 (112-bit Mode S). */
    public int length() {
        return bytes.length;
    }

    /** Whether this is a Mode A/C reply (no address, no parity: never decoded). */
    public boolean isModeAc() {
        return bytes.length == 2;
    }

    /** Byte {@code index}, unsigned. */
    public int byteAt(int index) {
        return bytes[index] & 0xFF;
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes as upper-case hex, as AVR writes them. */
    public String hex() {
        return HEX.formatHex(bytes);
    }

    /** The receiver's 48-bit 12 MHz clock when the frame arrived, when it said. */
    public OptionalLong timestamp() {
        return timestamp == NO_TIMESTAMP ? OptionalLong.empty() : OptionalLong.of(timestamp);
    }

    /** The Beast signal level byte, 0..255, when the receiver gave one. */
    public OptionalInt signal() {
        return signal < 0 ? OptionalInt.empty() : OptionalInt.of(signal);
    }

    /** The downlink format (first five bits; 24 for any frame starting with binary 11). */
    public int downlinkFormat() {
        int df = byteAt(0) >>> 3;
        return df >= 24 ? 24 : df;
    }

    /**
     * {@code count} (at most 57) bits from bit {@code first}, numbered from 1 at the frame's
     * first bit as ICAO Annex 10 numbers them.
     */
    long bits(int first, int count) {
        long value = 0;
        for (int i = first - 1; i < first - 1 + count; i++) {
            value = (value << 1) | ((bytes[i >>> 3] >>> (7 - (i & 7))) & 1);
        }
        return value;
    }

    /** The CRC-24 remainder: zero for an intact frame whose parity is not overlaid. */
    int residual() {
        return Crc24.residual(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModeSFrame f && Arrays.equals(bytes, f.bytes) && timestamp == f.timestamp && signal == f.signal;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + Long.hashCode(timestamp) * 17 + signal;
    }

    @Override
    public String toString() {
        return (timestamp == NO_TIMESTAMP ? "*" : String.format("@%012X", timestamp)) + hex() + ";";
    }
}
