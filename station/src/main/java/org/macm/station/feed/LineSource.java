package org.macm.station.feed;

/**
 * A feed of text lines (AIS NMEA, SBS-1, JSON tracks, AVR; Beast frames as AVR lines) from a
 * file, a TCP peer or UDP datagrams. {@link #start} returns at once and reads on its own
 * thread, reconnecting after a loss where that makes sense; {@link #close} stops it and is
 * idempotent. Lines longer than {@link #MAX_LINE} characters are cut there (the decoder then
 * rejects them), so a peer that never sends a line end cannot exhaust memory.
 */
public interface LineSource extends AutoCloseable {
    int MAX_LINE = 4096;

    LineSource start(LineSink sink);

    /** What the source is, for status and logs (e.g. "tcp-client 127.0.0.1:10110"). */
    String describe();

    /** Lines delivered so far. */
    long lines();

    /** What a binary feed's framing dropped so far (a text feed drops nothing: its decoder counts bad lines). */
    default FramingCounts.Snapshot dropped() {
        return FramingCounts.Snapshot.NONE;
    }

    @Override
    void close();
}
