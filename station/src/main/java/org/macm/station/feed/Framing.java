package org.macm.station.feed;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.macm.encounter.feed.FeedFormat;

/**
 * How a feed's bytes become lines: text formats are split at line ends; every source (file
 * replay, TCP client, TCP server) asks its feed's framing for a {@link LineStream} on each
 * file or connection it opens, so that reconnecting, pacing and counting are written once
 * for text and binary feeds alike.
 */
public enum Framing {
    /** Text lines ended by LF (AIS NMEA, SBS-1, JSON tracks, AVR). */
    TEXT,
    /** Beast binary frames (readsb/dump1090 port 30005), handed on as AVR lines. */
    BEAST;

    /** A byte that never occurs in a text feed and starts every Beast frame. */
    private static final int BEAST_ESCAPE = 0x1A;
    /** How far {@link #sniff} looks. */
    private static final int SNIFF = 4096;

    /**
     * A fresh stream over {@code in}: no state is carried from a previous connection; what
     * the framing drops is added to {@code dropped}.
     */
    public LineStream open(InputStream in, FramingCounts dropped) {
        return switch (this) {
            case TEXT -> new LineReader(in);
            case BEAST -> new BeastLines(in, dropped);
        };
    }

    /** The framing of a feed format. */
    public static Framing of(FeedFormat format) {
        return switch (format) {
            case AIS, SBS, JSON, AVR -> TEXT;
            case BEAST -> BEAST;
        };
    }

    /**
     * Beast when the first 4 KiB of {@code in} hold a 0x1A byte (no text feed has one, every
     * Beast frame starts with one), else text; {@code in} is left where it was.
     */
    public static Framing sniff(BufferedInputStream in) throws IOException {
        in.mark(SNIFF);
        try {
            byte[] head = in.readNBytes(SNIFF);
            for (byte b : head) {
                if (b == BEAST_ESCAPE) {
                    return BEAST;
                }
            }
            return TEXT;
        } finally {
            in.reset();
        }
    }
}
