package org.macm.station.feed;

import java.util.concurrent.atomic.LongAdder;

/**
 * What a binary feed's framing threw away, over every connection of one source: frames cut
 * short (by a new escape, or by the connection dropping mid-frame) and bytes that belonged to
 * no frame. A text feed has none: its bad lines reach the decoder and are counted there. Safe
 * to add to from several connections' threads at once (a TCP server with several feeders).
 */
public final class FramingCounts {
    private final LongAdder brokenFrames = new LongAdder();
    private final LongAdder skippedBytes = new LongAdder();

    /** Adds what one connection's framer dropped. */
    void add(long broken, long skipped) {
        brokenFrames.add(broken);
        skippedBytes.add(skipped);
    }

    /** The counts now. */
    public Snapshot snapshot() {
        return new Snapshot(brokenFrames.sum(), skippedBytes.sum());
    }

    /** The counts at one moment; {@link #NONE} for a text feed. */
    public record Snapshot(long brokenFrames, long skippedBytes) {
        public static final Snapshot NONE = new Snapshot(0, 0);
    }
}
