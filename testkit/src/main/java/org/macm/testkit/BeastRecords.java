package org.macm.testkit;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/**
 * Mode S frames written as readsb and dump1090 write them on their Beast port (30005), for the
 * tests of the decoder (module encounter) and of a station's feeds alike: 0x1A, the type ('1'
 * Mode A/C, '2' short, '3' long), a 6-byte 12 MHz timestamp, a signal byte and the frame,
 * every 0x1A after the type doubled.
 */
public final class BeastRecords {
    private BeastRecords() {
    }

    /** The Beast record of one frame given in hex: 14 bytes (long), 7 (short) or 2 (Mode A/C). */
    public static byte[] frame(String hex, long timestamp, int signal) {
        return frame(HexFormat.of().parseHex(hex), timestamp, signal);
    }

    /** The Beast record of {@code frame}: 14 bytes (long), 7 (short) or 2 (Mode A/C). */
    public static byte[] frame(byte[] frame, long timestamp, int signal) {
        char type = switch (frame.length) {
            case 2 -> '1';
            case 7 -> '2';
            case 14 -> '3';
            default -> throw new IllegalArgumentException("not a Mode S frame length: " + frame.length);
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x1A);
        out.write(type);
        for (int i = 5; i >= 0; i--) {
            escaped(out, (int) (timestamp >>> (8 * i)) & 0xFF);
        }
        escaped(out, signal);
        for (byte b : frame) {
            escaped(out, b & 0xFF);
        }
        return out.toByteArray();
    }

    private static void escaped(ByteArrayOutputStream out, int b) {
        out.write(b);
        if (b == 0x1A) {
            out.write(b);
        }
    }
}
