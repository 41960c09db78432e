package org.macm.station.feed;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.Objects;
import org.macm.encounter.modes.BeastFramer;
import org.macm.encounter.modes.ModeSFrame;

/**
 * A Beast byte stream (readsb/dump1090 port 30005, or a capture of it) read as AVR lines:
 * {@link BeastFramer} cuts the frames, and each is handed on as the AVR line the receiver's
 * port 30002 would have sent for it ({@code @} + the 12 MHz timestamp + the frame + {@code ;}).
 * The watch, its decoder and its counters are then the same for both of readsb's raw
 * outputs; writing 40 characters of hex per frame costs far less than decoding it. What the
 * framer drops (garbage, frames cut short, a frame cut by the end of the stream) is added to
 * {@code counts} as it happens, so a person sees it while the connection is still up.
 */
final class BeastLines implements LineStream {
    /** The start of a Mode A/C frame, which ends any frame in progress. */
    private static final byte[] CUT = {0x1A, '1'};
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final InputStream in;
    private final FramingCounts counts;
    private final BeastFramer framer = new BeastFramer();
    private final byte[] buffer = new byte[16 * 1024];
    private final ArrayDeque<String> ready = new ArrayDeque<>();
    private long broken;
    private long skipped;
    private boolean ended;

    BeastLines(InputStream in, FramingCounts counts) {
        this.in = Objects.requireNonNull(in, "in");
        this.counts = Objects.requireNonNull(counts, "counts");
    }

    @Override
    public String next() throws IOException {
        while (ready.isEmpty()) {
            if (ended) {
                return null;
            }
            int n = in.read(buffer);
            if (n < 0) {
                ended = true;
                // A frame cut by the end of the stream (a dropped connection) counts as broken:
                // the framer counts a frame cut short by a new frame's start, so one is begun.
                framer.accept(CUT, 0, CUT.length, frame -> { });
            } else {
                framer.accept(buffer, 0, n, frame -> ready.add(line(frame)));
            }
            publish();
        }
        return ready.poll();
    }

    /** The frame's AVR line: {@code @}, the 48-bit timestamp in 12 hex digits, the frame in hex, {@code ;}. */
    private static String line(ModeSFrame frame) {
        String hex = frame.hex();
        StringBuilder line = new StringBuilder(14 + hex.length());
        if (frame.timestamp().isPresent()) {
            // 16 hex digits of the long, of which the first 4 are always 0 for a 48-bit clock.
            line.append('@').append(HEX.toHexDigits(frame.timestamp().getAsLong()), 4, 16);
        } else {
            line.append('*');
        }
        return line.append(hex).append(';').toString();
    }

    /** Adds what the framer dropped since the last call to the source's counts. */
    private void publish() {
        BeastFramer.Counts c = framer.counts();
        if (c.broken() != broken || c.skippedBytes() != skipped) {
            counts.add(c.broken() - broken, c.skippedBytes() - skipped);
            broken = c.broken();
            skipped = c.skippedBytes();
        }
    }
}
