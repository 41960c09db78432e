package org.macm.encounter.modes;

import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Cuts the Beast binary stream (readsb/dump1090 TCP port 30005) into frames. Each frame is
 * {@code 0x1a}, a type ({@code '1'} Mode A/C, 2 bytes; {@code '2'} short Mode S, 7 bytes;
 * {@code '3'} long Mode S, 14 bytes), a 6-byte 12 MHz timestamp, a signal byte and the
 * frame; a {@code 0x1a} inside a frame is sent twice. Bytes arrive in arbitrary chunks (TCP
 * segments), so the framer keeps a partial frame between calls. After garbage, an unknown
 * type or a frame cut short by a new {@code 0x1a}, it resynchronises on the next escape
 * and counts what it dropped. Not thread-safe: one framer per connection.
 */
public final class BeastFramer {
    private static final int ESCAPE = 0x1a;
    private static final int HEADER = 7;

    /** What the framer has seen so far. */
    public record Counts(long frames, long modeAc, long broken, long skippedBytes) {}

    private final byte[] buffer = new byte[HEADER + 14];
    private int expected;
    private int filled;
    private boolean escaped;
    private boolean synced;
    private long frames;
    private long modeAc;
    private long broken;
    private long skipped;

    /** Feeds {@code length} bytes from {@code offset}; every complete frame goes to {@code sink}, in order. */
    public void accept(byte[] data, int offset, int length, Consumer<ModeSFrame> sink) {
        for (int i = offset; i < offset + length; i++) {
            step(data[i] & 0xFF, sink);
        }
    }

    private void step(int b, Consumer<ModeSFrame> sink) {
        if (escaped) {
            if (b == ESCAPE && !synced) {
                // Hunting for a record: of two escapes in a row, the second may start one.
                skipped++;
                return;
            }
            escaped = false;
            if (b == ESCAPE) {
                put(b, sink);
                return;
            }
            if (synced) {
                broken++;
            }
            start(b);
            return;
        }
        if (b == ESCAPE) {
            escaped = true;
            return;
        }
        if (synced) {
            put(b, sink);
        } else {
            skipped++;
        }
    }

    private void start(int type) {
        expected = switch (type) {
            case '1' -> 2;
            case '2' -> 7;
            case '3' -> 14;
            default -> 0;
        };
        synced = expected > 0;
        filled = 0;
        if (!synced) {
            skipped += 2;
        }
    }

    private void put(int b, Consumer<ModeSFrame> sink) {
        buffer[filled++] = (byte) b;
        if (filled < HEADER + expected) {
            return;
        }
        synced = false;
        long timestamp = 0;
        for (int i = 0; i < 6; i++) {
            timestamp = (timestamp << 8) | (buffer[i] & 0xFF);
        }
        int signal = buffer[6] & 0xFF;
        frames++;
        if (expected == 2) {
            modeAc++;
        }
        ModeSFrame.of(buffer, HEADER, expected, OptionalLong.of(timestamp), OptionalInt.of(signal)).ifPresent(sink);
    }

    /** The counts so far. */
    public Counts counts() {
        return new Counts(frames, modeAc, broken, skipped);
    }
}
