package org.macm.encounter.modes;

import java.io.ByteArrayOutputStream;

/** Writes frames in the Beast binary format, as readsb does on port 30005, for tests. */
final class Beast {
    private Beast() {}

    /** One Beast record: 0x1a, the type, the 48-bit timestamp, the signal, the frame; 0x1a doubled everywhere after the type. */
    static byte[] record(byte[] frame, long timestamp, int signal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x1a);
        out.write(switch (frame.length) {
            case 2 -> '1';
            case 7 -> '2';
            default -> '3';
        });
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
        if (b == 0x1a) {
            out.write(b);
        }
    }
}
